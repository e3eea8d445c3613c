package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.util.List;

/**
 * {@code database: task}: runs createdb/dropdb in the shared stack's database-admin task in
 * the private subnets. The task definition supplies PGPASSWORD from Secrets Manager, so the
 * program never handles the password here.
 */
public final class TaskDatabase implements DatabaseAdmin {
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
    public void ensure(EnvironmentName name) {
        run(DatabaseAction.CREATE, name);
    }

    @Override
    public void drop(EnvironmentName name) {
        run(DatabaseAction.DROP, name);
    }

    private void run(DatabaseAction action, EnvironmentName name) {
        List<String> command = DatabaseScripts.command(action, name, endpoint);
        String what = action.doing() + " database '" + name + "' on " + endpoint.address() + " with the one-off task "
                + task.taskDefinition() + " in cluster " + task.cluster();
        log.group(what, () -> {
            int exitCode = runner.run(task.cluster(), task.taskDefinition(), task.container(), command, task.network());
            if (exitCode != 0) {
                throw new AdhocFailure("database-failed", what + " failed: container '" + task.container() + "' exited with code "
                        + exitCode + ". Its log above shows why; check that the task's subnets and security group reach the"
                        + " database server and that its PGPASSWORD secret is the current master password, then run the operation again.");
            }
        });
    }
}
