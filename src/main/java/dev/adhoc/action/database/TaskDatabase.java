package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.util.List;

/**
 * {@code database: task}: runs the database scripts in the shared stack's database-admin task in
 * the private subnets. The task definition supplies PGPASSWORD from Secrets Manager, so the
 * program never handles the master password here; the role's password reaches the task only as
 * its SCRAM verifier, which lets nobody log in, so the task's overrides (visible to anyone who may
 * describe tasks) carry no password.
 */
public final class TaskDatabase implements DatabaseServerAdmin {
    private final SharedManifest.DbAdmin task;
    private final DatabaseEndpoint endpoint;
    private final OneOffTaskRunner runner;
    private final JobLog log;

    public TaskDatabase(SharedManifest.DbAdmin task, DatabaseEndpoint endpoint, OneOffTaskRunner runner, JobLog log) {
        this.task = task;
        this.endpoint = endpoint;
        this.runner = runner;
        this.log = log;
    }

    @Override
    public void ensure(EnvironmentRole role) {
        run(DatabaseAction.CREATE, role.name(), DatabaseScripts.create(role, endpoint));
        // The task's own line says what it did, when CloudWatch delivers it in time; this one always holds.
        log.info("✓ database " + role.name() + " is in place (owner " + role.name() + ", connection limit " + role.connectionLimit() + ")");
    }

    @Override
    public void drop(EnvironmentName name) {
        run(DatabaseAction.DROP, name, DatabaseScripts.drop(name, endpoint));
    }

    private void run(DatabaseAction action, EnvironmentName name, List<String> command) {
        String what = action.title(name) + " on " + endpoint.address() + " with the one-off task " + task.taskDefinition()
                + " in cluster " + task.cluster();
        log.group(what, () -> {
            int exitCode = runner.run(task.cluster(), task.taskDefinition(), task.container(), command, task.network());
            if (exitCode != 0) {
                throw new AdhocFailure(FailureReason.DATABASE_FAILED, what + " failed: container '" + task.container() + "' exited with code "
                        + exitCode + ". Its log above shows why; check that the task's subnets and security group reach the"
                        + " database server and that its PGPASSWORD secret is the current master password, then run the operation again.");
            }
        });
    }
}
