package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.util.function.Supplier;

/**
 * {@code database: bastion}: runs the database scripts with psql on the SSH bastion against the
 * shared database server. The master password and the role's password verifier go to the remote
 * command on standard input only; the log shows what the script did.
 */
public final class BastionDatabase implements DatabaseServerAdmin {
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
    public void ensure(EnvironmentRole role) {
        DatabaseServer db = server();
        run(DatabaseAction.CREATE, role.name(), db, DatabaseScripts.remoteCreate(role, db.endpoint()),
                DatabaseScripts.createInput(db.password(), role));
    }

    @Override
    public void drop(EnvironmentName name) {
        DatabaseServer db = server();
        run(DatabaseAction.DROP, name, db, DatabaseScripts.remoteDrop(name, db.endpoint()), db.password() + "\n");
    }

    private DatabaseServer server() {
        DatabaseServer db = server.get();
        log.mask(db.password());
        return db;
    }

    private void run(DatabaseAction action, EnvironmentName name, DatabaseServer db, String command, String input) {
        String bastion = shell.settings().target().address();
        String what = action.title(name) + " on " + db.endpoint().address() + " through bastion " + bastion;
        log.group(what, () -> {
            RemoteResult result = shell.run(command, input);
            result.stdout().lines().filter(l -> !l.isBlank()).forEach(log::info);
            result.stderr().lines().filter(l -> !l.isBlank()).forEach(log::info);
            if (!result.succeeded()) {
                throw new AdhocFailure(FailureReason.DATABASE_FAILED, log.redact(what + " failed (exit status " + result.exitStatus() + "): "
                        + result.lastErrorLines(ERROR_LINES) + ". " + advice(result)));
            }
        });
    }

    private static String advice(RemoteResult result) {
        if (result.exitStatus() == 127) {
            return "Install the PostgreSQL client (psql) on the bastion and make sure it is on the PATH.";
        }
        return "Check that the bastion reaches the database server (security groups), that the master secret is current,"
                + " and the database log; then run the operation again.";
    }
}
