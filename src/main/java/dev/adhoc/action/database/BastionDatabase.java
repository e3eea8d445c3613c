package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.util.function.Supplier;

/**
 * {@code database: bastion}: runs createdb/dropdb on the SSH bastion against the shared
 * database server. The master password goes to the remote command on standard input only.
 */
public final class BastionDatabase implements DatabaseAdmin {
    private static final int ERROR_LINES = 5;

    private final BastionShell shell;
    private final Supplier<DatabaseServer> server;
    private final JobLog log;

    /**
     * @param server the database server with its master password, read only when needed
     *               (and masked in the log by whoever reads it)
     */
    public BastionDatabase(BastionShell shell, Supplier<DatabaseServer> server, JobLog log) {
        this.shell = shell;
        this.server = server;
        this.log = log;
    }

    @Override
    public void ensure(EnvironmentName name) {
        run(DatabaseAction.CREATE, name);
    }

    @Override
    public void drop(EnvironmentName name) {
        run(DatabaseAction.DROP, name);
    }

    private void run(DatabaseAction action, EnvironmentName name) {
        DatabaseServer db = server.get();
        log.mask(db.password());
        String bastion = shell.settings().target().address();
        String what = action.doing() + " database '" + name + "' on " + db.endpoint().address() + " through bastion " + bastion;
        log.group(what, () -> {
            RemoteResult result = shell.run(DatabaseScripts.remoteCommandLine(action, name, db.endpoint()), db.password() + "\n");
            result.stdout().lines().filter(l -> !l.isBlank()).forEach(log::info);
            result.stderr().lines().filter(l -> !l.isBlank()).forEach(log::info);
            if (!result.succeeded()) {
                throw new AdhocFailure("database-failed", log.redact(what + " failed (exit status " + result.exitStatus() + "): "
                        + result.lastErrorLines(ERROR_LINES) + ". " + advice(result)));
            }
        });
    }

    private static String advice(RemoteResult result) {
        if (result.exitStatus() == 127) {
            return "Install the PostgreSQL client tools (psql, createdb, dropdb) on the bastion and make sure they are on the PATH.";
        }
        return "Check that the bastion reaches the database server (security groups), that the master secret is current,"
                + " and the database log; then run the operation again.";
    }
}
