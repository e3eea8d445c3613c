package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.manifest.Network;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.util.Poll;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * database: task and none, with the environment's secret in the local AWS. The one-off task is
 * stood in for by running its container command here, with PGPASSWORD in the environment as the
 * task definition's secrets would set it and its output in the log as the task's log stream would
 * bring it, so the real scripts run against a real PostgreSQL.
 */
@ExtendWith(RealServers.class)
class TaskDatabaseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The wait-timeout the database admin gets when none is given. */
    private static final Duration WAIT = Inputs.of(Map.of()).duration(Input.WAIT_TIMEOUT);
    private static final Poll POLL = Poll.sleeping(Clock.systemUTC());
    private static AwsClients aws;

    private final Fixtures.CapturedLog captured = new Fixtures.CapturedLog(false);
    private final String prefix = Fixtures.uniquePrefix();
    private final List<List<String>> commands = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Supplier<DatabaseServer> noPassword = () -> {
        throw new AssertionError("task and none modes must not read the master password");
    };

    @BeforeAll
    static void localAws() {
        aws = new AwsClients(LocalAws.shared().processEnvironment());
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void createsRoleDatabaseAndSecretWithTheSharedStacksAdminTaskAndDropsThemAll(PostgresServer postgres) throws Exception {
        String name = "task-alpha";
        Psql.forget(postgres, name);
        DatabaseAdmin admin = admin("task", postgres.endpoint(), localTask(postgres));

        admin.ensure(EnvironmentName.of(name));

        JsonNode secret = secret(name);
        assertThat(secret.path("username").asText()).isEqualTo(name);
        assertThat(secret.path("dbname").asText()).isEqualTo(name);
        assertThat(secret.path("host").asText()).isEqualTo("127.0.0.1");
        assertThat(secret.path("port").asInt()).isEqualTo(postgres.endpoint().port());
        String password = secret.path("password").asText();
        assertThat(password).matches("[A-Za-z0-9_-]{43}");
        assertThat(Psql.as(postgres, name, password, name, "SELECT current_user").stdout()).isEqualTo("task-alpha\n");

        admin.ensure(EnvironmentName.of(name));
        assertThat(secret(name).path("password").asText()).as("an update keeps the password").isEqualTo(password);
        assertThat(Psql.as(postgres, name, password, name, "SELECT 1").exitCode()).isZero();

        // What anyone who may describe the task sees: a verifier, never the password.
        assertThat(commands).hasSize(2).allSatisfy(command -> {
            assertThat(String.join(" ", command)).doesNotContain(password);
            assertThat(command.get(command.size() - 1)).startsWith("SCRAM-SHA-256$4096:");
        });
        assertThat(captured.text())
                .contains("▸ Creating database and role 'task-alpha' on " + postgres.endpoint().address()
                        + " with the one-off task adhoc-dbadmin in cluster adhoc-shared")
                .contains("Created secret " + prefix + "/task-alpha/database with a new password.")
                .contains("Created role task-alpha and database task-alpha (owner task-alpha, connection limit 5).")
                .contains("Secret " + prefix + "/task-alpha/database exists: its password is kept.")
                .contains("Database task-alpha already exists (owner task-alpha, connection limit 5).")
                .contains("✓ database task-alpha is in place (owner task-alpha, connection limit 5)")
                .doesNotContain(password, "SCRAM-SHA-256$", "SELECT", "psql -X");

        admin.drop(EnvironmentName.of(name));
        assertThat(postgres.databaseExists(name)).isFalse();
        assertThat(Psql.master(postgres, "SELECT count(*) FROM pg_roles WHERE rolname = 'task-alpha'")).isEqualTo("0");
        assertThatThrownBy(() -> secret(name)).isInstanceOf(ResourceNotFoundException.class);
        admin.drop(EnvironmentName.of(name));

        assertThat(calls).hasSize(4).allSatisfy(call -> assertThat(call).isEqualTo("adhoc-shared adhoc-dbadmin psql [subnet-1]"));
        assertThat(captured.text())
                .contains("Dropped database task-alpha and role task-alpha.")
                .contains("Deleted secret " + prefix + "/task-alpha/database.")
                .contains("Database task-alpha and role task-alpha do not exist: nothing to drop.")
                .contains("Notice: Secret " + prefix + "/task-alpha/database does not exist: nothing to delete.");
    }

    @Test
    void aTaskThatExitsNonZeroIsADatabaseFailureAndLeavesNoSecretBehind(PostgresServer postgres) {
        DatabaseAdmin admin = admin("task", new DatabaseEndpoint("127.0.0.1", postgres.endpoint().port(), "nobody_here"),
                localTask(postgres));

        assertThatThrownBy(() -> admin.ensure(EnvironmentName.of("task-denied")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-failed");
                    assertThat(f.getMessage()).startsWith("Creating database and role 'task-denied' on 127.0.0.1:"
                            + postgres.endpoint().port() + " with the one-off task adhoc-dbadmin in cluster adhoc-shared failed:"
                            + " container 'psql' exited with code 2.");
                });
        assertThat(postgres.databaseExists("task-denied")).isFalse();
        assertThatThrownBy(() -> secret("task-denied")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(captured.text()).contains("Removing secret " + prefix + "/task-denied/database again: the database step failed.");
    }

    @Test
    void aPasswordStoredByHandThatNoVerifierCanCarryIsAClearFailureBeforeAnyTask() {
        aws.secrets().createSecret(r -> r.name(prefix + "/task-typed/database").secretString("{\"password\": \"typed by hand\"}"));
        DatabaseAdmin admin = admin("task", new DatabaseEndpoint("db.internal", 5432, "master"), unusedTasks());

        assertThatThrownBy(() -> admin.ensure(EnvironmentName.of("task-typed")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-secret-failed");
                    assertThat(f.getMessage()).startsWith("The password in secret " + prefix + "/task-typed/database has characters"
                            + " other than printable ASCII").doesNotContain("typed by hand");
                });
        aws.secrets().deleteSecret(r -> r.secretId(prefix + "/task-typed/database").forceDeleteWithoutRecovery(true));
    }

    @Test
    void taskModeNeedsTheAdminTaskInTheSharedManifest() {
        SharedManifest full = Fixtures.shared(new DatabaseEndpoint("db", 5432, "master"), Optional.empty());
        SharedManifest withoutTask = new SharedManifest(full.name(), full.region(), full.domain(), full.listenerArn(), full.database(),
                Optional.empty(), Optional.empty(), full.namePrefix(), full.reservedEnvironmentNames(), full.loadBalancers());
        assertThatThrownBy(() -> DatabaseAdmins.serverAdmin(DatabaseOptions.from(Inputs.of(Map.of())), WAIT, captured.log, withoutTask, noPassword,
                unusedTasks(), POLL))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("invalid-input");
                    assertThat(f.getMessage()).contains("publishes no database-admin task");
                });
    }

    @Test
    void noneKeepsTheSecretForTheEnvironmentButTouchesNoDatabaseAndSaysSo() throws Exception {
        DatabaseAdmin admin = admin("none", new DatabaseEndpoint("db.internal", 5432, "master"), unusedTasks());

        admin.ensure(EnvironmentName.of("alpha"));
        JsonNode secret = secret("alpha");
        assertThat(secret.path("host").asText()).isEqualTo("db.internal");
        assertThat(secret.path("username").asText()).isEqualTo("alpha");
        admin.drop(EnvironmentName.of("alpha"));

        assertThatThrownBy(() -> secret("alpha")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(captured.text()).isEqualTo("Created secret " + prefix + "/alpha/database with a new password.\n"
                + "Notice: Input 'database' is none: not creating a database or role for 'alpha'.\n"
                + "Notice: Input 'database' is none: not dropping a database or role for 'alpha'.\n"
                + "Deleted secret " + prefix + "/alpha/database.\n");
    }

    @Test
    void bastionInputsAreCheckedWhenTheAdminIsBuiltBeforeAnyConnection() {
        SharedManifest shared = Fixtures.shared(new DatabaseEndpoint("db", 5432, "master"), Optional.empty());
        assertThatThrownBy(() -> DatabaseAdmins.serverAdmin(DatabaseOptions.from(Inputs.of(Map.of(Input.DATABASE, "bastion",
                Input.BASTION_HOST, "bastion:22"))), WAIT, captured.log, shared, noPassword, unusedTasks(), POLL))
                .hasMessageStartingWith("Input 'ssh-private-key' is required for database: bastion");
    }

    private DatabaseAdmin admin(String mode, DatabaseEndpoint endpoint, OneOffTaskRunner tasks) {
        return DatabaseAdmins.create(DatabaseOptions.from(Inputs.of(Map.of(Input.DATABASE, mode))), WAIT, captured.log, Fixtures.shared(endpoint, Optional.empty(), prefix),
                aws.secrets(), JSON, noPassword, tasks, POLL);
    }

    private JsonNode secret(String environment) throws Exception {
        SecretsManagerClient secrets = aws.secrets();
        return JSON.readTree(secrets.getSecretValue(r -> r.secretId(prefix + "/" + environment + "/database")).secretString());
    }

    private OneOffTaskRunner localTask(PostgresServer postgres) {
        return (cluster, taskDefinition, container, command, network) -> {
            calls.add(cluster + " " + taskDefinition + " " + container + " " + network.subnets());
            commands.add(command);
            Processes.Result result = Processes.run(command, postgres.containerEnvironment(postgres.password()), Duration.ofSeconds(60));
            result.output().lines().forEach(line -> captured.log.info(container + " | " + line));
            return result.exitCode();
        };
    }

    private static OneOffTaskRunner unusedTasks() {
        return (String cluster, String taskDefinition, String container, List<String> command, Network network) -> {
            throw new AssertionError("no task expected");
        };
    }
}
