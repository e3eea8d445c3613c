package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.manifest.Network;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * database: task and none. The one-off task is stood in for by running its container command
 * here, with PGPASSWORD in the environment as the task definition's secrets would set it, so
 * the real scripts run against a real PostgreSQL.
 */
@ExtendWith(RealServers.class)
class TaskDatabaseTest {
    private final Fixtures.CapturedLog captured = new Fixtures.CapturedLog(false);
    private final List<String> calls = new ArrayList<>();
    private final Supplier<DatabaseServer> noPassword = () -> {
        throw new AssertionError("task and none modes must not read the master password");
    };

    @Test
    void createsAndDropsWithTheSharedStacksAdminTask(PostgresServer postgres) {
        String name = "task-alpha";
        postgres.dropIfExists(name);
        DatabaseAdmin admin = DatabaseAdmins.create(Inputs.of(Map.of(Input.DATABASE, "task")), captured.log,
                Fixtures.shared(postgres.endpoint(), Optional.empty()), noPassword, localTask(postgres));

        admin.ensure(EnvironmentName.of(name));
        assertThat(postgres.databaseExists(name)).isTrue();
        admin.ensure(EnvironmentName.of(name));
        admin.drop(EnvironmentName.of(name));
        assertThat(postgres.databaseExists(name)).isFalse();
        admin.drop(EnvironmentName.of(name));

        assertThat(admin).isInstanceOf(TaskDatabase.class);
        assertThat(calls).hasSize(4).allSatisfy(call -> assertThat(call).isEqualTo("adhoc-shared adhoc-dbadmin psql [subnet-1]"));
        assertThat(captured.text()).contains("▸ Creating database 'task-alpha' on " + postgres.endpoint().address()
                + " with the one-off task adhoc-dbadmin in cluster adhoc-shared");
    }

    @Test
    void aTaskThatExitsNonZeroIsADatabaseFailure(PostgresServer postgres) {
        SharedManifest shared = Fixtures.shared(new DatabaseEndpoint("127.0.0.1", postgres.endpoint().port(), "nobody_here"), Optional.empty());
        DatabaseAdmin admin = DatabaseAdmins.create(Inputs.of(Map.of(Input.DATABASE, "task")), captured.log, shared, noPassword,
                localTask(postgres));

        assertThatThrownBy(() -> admin.ensure(EnvironmentName.of("task-denied")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-failed");
                    assertThat(f.getMessage()).startsWith("Creating database 'task-denied' on 127.0.0.1:" + postgres.endpoint().port()
                            + " with the one-off task adhoc-dbadmin in cluster adhoc-shared failed: container 'psql' exited with code 2.");
                });
        assertThat(postgres.databaseExists("task-denied")).isFalse();
    }

    @Test
    void taskModeNeedsTheAdminTaskInTheSharedManifest() {
        SharedManifest full = Fixtures.shared(new DatabaseEndpoint("db", 5432, "master"), Optional.empty());
        SharedManifest withoutTask = new SharedManifest(full.name(), full.region(), full.domain(), full.listenerArn(), full.database(),
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> DatabaseAdmins.create(Inputs.of(Map.of()), captured.log, withoutTask, noPassword, unusedTasks()))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("invalid-input");
                    assertThat(f.getMessage()).contains("publishes no database-admin task");
                });
    }

    @Test
    void noneTouchesNothingAndSaysSo() {
        SharedManifest shared = Fixtures.shared(new DatabaseEndpoint("db", 5432, "master"), Optional.empty());
        DatabaseAdmin admin = DatabaseAdmins.create(Inputs.of(Map.of(Input.DATABASE, "none")), captured.log, shared, noPassword, unusedTasks());
        admin.ensure(EnvironmentName.of("alpha"));
        admin.drop(EnvironmentName.of("alpha"));
        assertThat(captured.text()).isEqualTo("Notice: Input 'database' is none: not creating a database for 'alpha'.\n"
                + "Notice: Input 'database' is none: not dropping a database for 'alpha'.\n");
    }

    @Test
    void bastionInputsAreCheckedWhenTheAdminIsBuiltBeforeAnyConnection() {
        SharedManifest shared = Fixtures.shared(new DatabaseEndpoint("db", 5432, "master"), Optional.empty());
        assertThatThrownBy(() -> DatabaseAdmins.create(Inputs.of(Map.of(Input.DATABASE, "bastion", Input.BASTION_HOST, "bastion:22")),
                captured.log, shared, noPassword, unusedTasks()))
                .hasMessageStartingWith("Input 'ssh-private-key' is required for database: bastion");
    }

    private OneOffTaskRunner localTask(PostgresServer postgres) {
        return (cluster, taskDefinition, container, command, network) -> {
            calls.add(cluster + " " + taskDefinition + " " + container + " " + network.subnets());
            Processes.Result result = Processes.run(command, postgres.taskEnvironment(postgres.password()), Duration.ofSeconds(60));
            captured.log.info(result.output());
            return result.exitCode();
        };
    }

    private static OneOffTaskRunner unusedTasks() {
        return (String cluster, String taskDefinition, String container, List<String> command, Network network) -> {
            throw new AssertionError("no task expected");
        };
    }
}
