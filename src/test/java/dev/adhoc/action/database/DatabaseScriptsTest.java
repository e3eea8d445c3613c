package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.model.EnvironmentName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the task-mode scripts for real with /bin/sh against a real PostgreSQL, as the one-off task would. */
@ExtendWith(RealServers.class)
class DatabaseScriptsTest {
    private static final DatabaseEndpoint ENDPOINT = new DatabaseEndpoint("db.internal", 5432, "master");

    @Test
    void theTaskCommandPassesEverythingAsPositionalArgumentsToAConstantScript() {
        List<String> create = DatabaseScripts.create(EnvironmentName.of("alpha"), ENDPOINT);
        List<String> drop = DatabaseScripts.drop(EnvironmentName.of("beta"), ENDPOINT);
        assertThat(create).containsExactly("sh", "-c", DatabaseScripts.script(DatabaseAction.CREATE), "adhoc-database",
                "alpha", "db.internal", "5432", "master");
        assertThat(drop).containsExactly("sh", "-c", DatabaseScripts.script(DatabaseAction.DROP), "adhoc-database",
                "beta", "db.internal", "5432", "master");
        assertThat(create.get(2)).doesNotContain("alpha", "db.internal", "master");
        assertThat(DatabaseScripts.script(DatabaseAction.DROP)).contains("dropdb --if-exists");
    }

    @Test
    void theRemoteCommandLineReadsThePasswordFromStdinAndQuotesEveryArgument() {
        String line = DatabaseScripts.remoteCommandLine(DatabaseAction.CREATE, EnvironmentName.of("alpha"), ENDPOINT);
        assertThat(line).startsWith("IFS= read -r PGPASSWORD && export PGPASSWORD && exec 'sh' '-c' '")
                .endsWith(" 'adhoc-database' 'alpha' 'db.internal' '5432' 'master'")
                .doesNotContain("PGPASSWORD=");
    }

    @Test
    void createIsIdempotentAndDropToo(PostgresServer postgres) {
        String name = "scripts-alpha";
        postgres.dropIfExists(name);

        Processes.Result created = runScript(postgres, DatabaseScripts.create(EnvironmentName.of(name), postgres.endpoint()));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.stdout()).contains("Created database " + name);
        assertThat(postgres.databaseExists(name)).isTrue();

        Processes.Result again = runScript(postgres, DatabaseScripts.create(EnvironmentName.of(name), postgres.endpoint()));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("already exists");

        Processes.Result dropped = runScript(postgres, DatabaseScripts.drop(EnvironmentName.of(name), postgres.endpoint()));
        assertThat(dropped.exitCode()).as(dropped.output()).isZero();
        assertThat(postgres.databaseExists(name)).isFalse();

        Processes.Result droppedAgain = runScript(postgres, DatabaseScripts.drop(EnvironmentName.of(name), postgres.endpoint()));
        assertThat(droppedAgain.exitCode()).as(droppedAgain.output()).isZero();
    }

    @Test
    void aHostileNameStaysOneLiteralNameInShellAndSql(PostgresServer postgres) {
        // Names are validated before they get here; the scripts must not rely on it.
        String hostile = "x'; DROP DATABASE postgres; -- $(touch /tmp/pwned) `id` \"q\"";
        List<String> create = new ArrayList<>(DatabaseScripts.create(EnvironmentName.of("placeholder"), postgres.endpoint()));
        create.set(4, hostile);
        Processes.Result created = runScript(postgres, create);
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(postgres.databaseExists(hostile)).isTrue();
        assertThat(postgres.databaseExists("postgres")).isTrue();

        Processes.Result again = runScript(postgres, create);
        assertThat(again.stdout()).as(again.output()).contains("already exists");

        List<String> drop = new ArrayList<>(create);
        drop.set(2, DatabaseScripts.script(DatabaseAction.DROP));
        assertThat(runScript(postgres, drop).exitCode()).isZero();
        assertThat(postgres.databaseExists(hostile)).isFalse();
    }

    @Test
    void aWrongPasswordFailsWithTheServersMessage(PostgresServer postgres) {
        Processes.Result result = Processes.run(DatabaseScripts.create(EnvironmentName.of("scripts-denied"), postgres.endpoint()),
                postgres.taskEnvironment("not-the-password"), Duration.ofSeconds(60));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("password authentication failed");
        assertThat(postgres.databaseExists("scripts-denied")).isFalse();
    }

    /** As the task would run it: PGPASSWORD from the task definition's secrets, everything else from argv. */
    private static Processes.Result runScript(PostgresServer postgres, List<String> command) {
        return Processes.run(command, postgres.taskEnvironment(postgres.password()), Duration.ofSeconds(60));
    }
}
