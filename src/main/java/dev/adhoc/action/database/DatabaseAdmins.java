package dev.adhoc.action.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.util.Poll;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds the {@link DatabaseAdmin} the {@code database} input asks for, completing the bastion inputs from the shared stack. */
public final class DatabaseAdmins {
    private DatabaseAdmins() {
    }

    /** For operations: the master password, when bastion mode needs it, comes from Secrets Manager too. */
    public static DatabaseAdmin create(DatabaseOptions options, Duration waitTimeout, JobLog log, SharedManifest shared,
                                       SecretsManagerClient secrets, ObjectMapper json, OneOffTaskRunner tasks, Poll poll) {
        MasterCredentials credentials = new MasterCredentials(secrets, json, log);
        return create(options, waitTimeout, log, shared, secrets, json, () -> credentials.read(shared.database()), tasks, poll);
    }

    /**
     * @param waitTimeout bounds the database scripts on the bastion
     * @param secrets where the environment's own secret is kept, with the workflow's credentials
     * @param server  read only when a bastion command runs; never for task or none
     * @param tasks   runs the one-off task in task mode
     * @param poll    waits for the bastion's commands, on the run's clock
     */
    public static DatabaseAdmin create(DatabaseOptions options, Duration waitTimeout, JobLog log, SharedManifest shared,
                                       SecretsManagerClient secrets, ObjectMapper json, Supplier<DatabaseServer> server, OneOffTaskRunner tasks,
                                       Poll poll) {
        DatabaseServerAdmin serverAdmin = serverAdmin(options, waitTimeout, log, shared, server, tasks, poll);
        return new DatabaseAdmin(new EnvironmentSecret(secrets, json, log, shared.namePrefix()), serverAdmin, shared.database(),
                new SecureRandom(), log);
    }

    /**
     * How the database server is reached, as the {@code database} input says.
     *
     * @param waitTimeout bounds the database scripts on the bastion
     * @param server read only when a bastion command runs; never for task or none
     * @param tasks  runs the one-off task in task mode
     * @param poll   waits for the bastion's commands, on the run's clock
     */
    public static DatabaseServerAdmin serverAdmin(DatabaseOptions options, Duration waitTimeout, JobLog log, SharedManifest shared,
                                                  Supplier<DatabaseServer> server, OneOffTaskRunner tasks, Poll poll) {
        return switch (options.mode()) {
            case NONE -> new NoDatabase(log);
            case BASTION -> new BastionDatabase(new BastionShell(
                    BastionSettings.of(options.bastion().orElseThrow(), shared.bastion(), waitTimeout, log), log, poll), server, log);
            case TASK -> new TaskDatabase(shared.dbAdmin().orElseThrow(() -> AdhocFailure.invalidInput(
                    "Input 'database' is task, but the shared stack publishes no database-admin task (dbAdmin) in its manifest."
                            + " Apply the shared stack again, or use database: bastion or none.")),
                    endpoint(shared), tasks, log);
        };
    }

    private static DatabaseEndpoint endpoint(SharedManifest shared) {
        try {
            return DatabaseEndpoint.of(shared.database());
        } catch (IllegalArgumentException e) {
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The shared manifest's database entry is incomplete: " + e.getMessage()
                    + ". Apply the shared stack again.");
        }
    }
}
