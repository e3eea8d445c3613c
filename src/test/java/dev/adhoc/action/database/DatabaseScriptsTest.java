package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.model.EnvironmentName;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the database scripts for real with /bin/sh and psql against a real PostgreSQL, as the
 * one-off task would: the master password in PGPASSWORD, everything else from argv.
 */
@ExtendWith(RealServers.class)
class DatabaseScriptsTest {
    private static final DatabaseEndpoint ENDPOINT = new DatabaseEndpoint("db.internal", 5432, "master");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theTaskCommandPassesEverythingAsPositionalArgumentsToAConstantScript() {
        EnvironmentRole role = role("alpha", "a-password");
        List<String> create = DatabaseScripts.create(role, ENDPOINT);
        List<String> drop = DatabaseScripts.drop(EnvironmentName.of("beta"), ENDPOINT);
        assertThat(create).containsExactly("sh", "-c", DatabaseScripts.CREATE, "adhoc-database",
                "alpha", "db.internal", "5432", "master", "20", role.passwordVerifier());
        assertThat(drop).containsExactly("sh", "-c", DatabaseScripts.DROP, "adhoc-database",
                "beta", "db.internal", "5432", "master");
        assertThat(create.get(2)).doesNotContain("alpha", "db.internal", "master", "SCRAM-SHA-256$");
        assertThat(String.join(" ", create)).doesNotContain("a-password");
    }

    @Test
    void theRemoteCommandLinesReadPasswordAndVerifierFromStdinAndQuoteEveryArgument() {
        EnvironmentRole role = role("alpha", "a-password");
        String create = DatabaseScripts.remoteCreate(role, ENDPOINT);
        assertThat(create).startsWith("IFS= read -r PGPASSWORD && export PGPASSWORD && IFS= read -r verifier && exec 'sh' '-c' '")
                .endsWith(" 'adhoc-database' 'alpha' 'db.internal' '5432' 'master' '20' \"$verifier\"")
                .doesNotContain("PGPASSWORD=", role.passwordVerifier());
        assertThat(DatabaseScripts.createInput("master-pw", role)).isEqualTo("master-pw\n" + role.passwordVerifier() + "\n");
        assertThat(DatabaseScripts.remoteDrop(EnvironmentName.of("alpha"), ENDPOINT))
                .startsWith("IFS= read -r PGPASSWORD && export PGPASSWORD && exec 'sh' '-c' '")
                .endsWith(" 'adhoc-database' 'alpha' 'db.internal' '5432' 'master'");
    }

    @Test
    void theRemoteCommandLinesWorkAsAShellOnTheBastionRunsThem(PostgresServer postgres) throws Exception {
        String name = "scripts-remote";
        Psql.forget(postgres, name);
        EnvironmentRole role = role(name, "pw-remote");

        Processes.Result created = shell(postgres, DatabaseScripts.remoteCreate(role, postgres.endpoint()),
                DatabaseScripts.createInput(postgres.password(), role));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).isEqualTo("Created role scripts-remote and database scripts-remote (owner scripts-remote,"
                + " connection limit 20).\n");
        assertThat(Psql.as(postgres, name, "pw-remote", name, "SELECT 1").stdout()).isEqualTo("1\n");

        Processes.Result dropped = shell(postgres, DatabaseScripts.remoteDrop(EnvironmentName.of(name), postgres.endpoint()), postgres.password() + "\n");
        assertThat(dropped.output()).isEqualTo("Dropped database scripts-remote and role scripts-remote.\n");
    }

    @Test
    void createMakesALoginRoleThatOwnsOnlyItsDatabaseAndNothingElse(PostgresServer postgres) {
        String a = "scripts-a";
        String b = "scripts-b";
        Psql.forget(postgres, a);
        Psql.forget(postgres, b);

        Processes.Result created = runScript(postgres, DatabaseScripts.create(role(a, "password-of-a"), postgres.endpoint()));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).isEqualTo("Created role scripts-a and database scripts-a (owner scripts-a, connection limit 20).\n");
        assertThat(runScript(postgres, DatabaseScripts.create(role(b, "password-of-b"), postgres.endpoint())).exitCode()).isZero();

        assertThat(Psql.as(postgres, a, "password-of-a", a, "SELECT current_user || ' in ' || current_database()").stdout())
                .isEqualTo("scripts-a in scripts-a\n");
        Processes.Result intoOther = Psql.as(postgres, a, "password-of-a", b, "SELECT 1");
        assertThat(intoOther.exitCode()).isNotZero();
        assertThat(intoOther.stderr()).contains("permission denied for database \"scripts-b\"");
        assertThat(Psql.as(postgres, a, "password-of-b", a, "SELECT 1").stderr()).contains("password authentication failed");
        assertThat(Psql.master(postgres, "SELECT rolsuper, rolcreatedb, rolcreaterole, rolinherit, rolreplication, rolbypassrls,"
                + " rolcanlogin, rolconnlimit, shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = 'scripts-a'"))
                .isEqualTo("f|f|f|t|f|f|t|20|adhoc-action environment role");
        assertThat(Psql.master(postgres, "SELECT pg_get_userbyid(datdba), has_database_privilege('public', oid, 'CONNECT')"
                + " FROM pg_database WHERE datname = 'scripts-a'")).isEqualTo("scripts-a|f");
        // The role belongs to no other role: it has only what it owns, and creates its own tables (as migrations do).
        assertThat(Psql.master(postgres, "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                + " WHERE r.rolname = 'scripts-a'")).isEqualTo("0");
        assertThat(Psql.as(postgres, a, "password-of-a", a, "CREATE TABLE t (id int); SELECT count(*) FROM t").stdout()).isEqualTo("0\n");
        // The master still reaches the environment's database, as migrations run by the program's tasks would not need to.
        assertThat(Psql.as(postgres, PostgresServer.SUPERUSER, postgres.password(), a, "SELECT current_database()").stdout())
                .isEqualTo("scripts-a\n");
    }

    @Test
    void createAgainKeepsEverythingAndTheSamePasswordStillWorks(PostgresServer postgres) {
        String name = "scripts-again";
        Psql.forget(postgres, name);
        assertThat(runScript(postgres, DatabaseScripts.create(role(name, "same-password"), postgres.endpoint())).exitCode()).isZero();
        Processes.Result table = Psql.as(postgres, name, "same-password", name, "CREATE TABLE kept (id int)");
        assertThat(table.exitCode()).as(table.output()).isZero();

        Processes.Result again = runScript(postgres, DatabaseScripts.create(role(name, "same-password", 7), postgres.endpoint()));

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).isEqualTo("Database scripts-again already exists (owner scripts-again, connection limit 7).\n");
        assertThat(Psql.as(postgres, name, "same-password", name, "SELECT count(*) FROM kept").stdout()).isEqualTo("0\n");
        assertThat(Psql.master(postgres, "SELECT rolconnlimit FROM pg_roles WHERE rolname = 'scripts-again'")).isEqualTo("7");
    }

    @Test
    void aDatabaseFromBeforeRolesIsHandedToTheNewRole(PostgresServer postgres) {
        String name = "scripts-older";
        Psql.forget(postgres, name);
        Psql.master(postgres, "CREATE DATABASE \"scripts-older\"");

        Processes.Result created = runScript(postgres, DatabaseScripts.create(role(name, "pw-older"), postgres.endpoint()));

        assertThat(created.output()).isEqualTo("Created role scripts-older (connection limit 20); database scripts-older already exists"
                + " and is now owned by it.\n");
        assertThat(Psql.as(postgres, name, "pw-older", name, "SELECT current_user").stdout()).isEqualTo("scripts-older\n");
    }

    @Test
    void aRoleOrDatabaseTheProgramDidNotCreateIsNeverTakenOverNorDropped(PostgresServer postgres) {
        String name = "scripts-foreign";
        Psql.forget(postgres, name);
        Psql.forget(postgres, "someone-else");
        Psql.master(postgres, "CREATE ROLE \"scripts-foreign\" LOGIN PASSWORD 'theirs'");

        Processes.Result refused = runScript(postgres, DatabaseScripts.create(role(name, "ours"), postgres.endpoint()));

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.stderr()).contains("role \"scripts-foreign\" exists and was not created by adhoc-action")
                .contains("Choose another environment name");
        assertThat(postgres.databaseExists(name)).isFalse();
        assertThat(Psql.as(postgres, name, "theirs", "postgres", "SELECT 1").exitCode()).isZero();

        Processes.Result dropped = runScript(postgres, DatabaseScripts.drop(EnvironmentName.of(name), postgres.endpoint()));
        assertThat(dropped.output()).isEqualTo("There was no database scripts-foreign; left role scripts-foreign alone"
                + " (not created by adhoc-action).\n");
        assertThat(Psql.master(postgres, "SELECT count(*) FROM pg_roles WHERE rolname = 'scripts-foreign'")).isEqualTo("1");

        Psql.master(postgres, "CREATE ROLE \"someone-else\"");
        Psql.master(postgres, "CREATE DATABASE \"scripts-theirs\" OWNER \"someone-else\"");
        Processes.Result theirs = runScript(postgres, DatabaseScripts.create(role("scripts-theirs", "ours"), postgres.endpoint()));
        assertThat(theirs.stderr()).contains("database \"scripts-theirs\" exists and belongs to role \"someone-else\"");
        assertThat(runScript(postgres, DatabaseScripts.drop(EnvironmentName.of("scripts-theirs"), postgres.endpoint())).output())
                .isEqualTo("Left database scripts-theirs alone (another role owns it); there was no role scripts-theirs.\n");
        assertThat(postgres.databaseExists("scripts-theirs")).isTrue();
        postgres.dropIfExists("scripts-theirs");
        Psql.forget(postgres, name);
    }

    @Test
    void dropRemovesDatabaseAndRoleEvenWithSessionsOpenAndAgainIsANoOp(PostgresServer postgres) throws Exception {
        String name = "scripts-drop";
        Psql.forget(postgres, name);
        assertThat(runScript(postgres, DatabaseScripts.create(role(name, "pw-drop"), postgres.endpoint())).exitCode()).isZero();
        Process session = holdSession(postgres, name, "pw-drop");
        try {
            Processes.Result dropped = runScript(postgres, DatabaseScripts.drop(EnvironmentName.of(name), postgres.endpoint()));
            assertThat(dropped.exitCode()).as(dropped.output()).isZero();
            assertThat(dropped.output()).isEqualTo("Dropped database scripts-drop and role scripts-drop.\n");
        } finally {
            session.destroyForcibly().waitFor();
        }
        assertThat(postgres.databaseExists(name)).isFalse();
        assertThat(Psql.master(postgres, "SELECT count(*) FROM pg_roles WHERE rolname = 'scripts-drop'")).isEqualTo("0");

        Processes.Result again = runScript(postgres, DatabaseScripts.drop(EnvironmentName.of(name), postgres.endpoint()));
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).isEqualTo("Database scripts-drop and role scripts-drop do not exist: nothing to drop.\n");
    }

    @Test
    void aMasterThatIsNoSuperuserAsOnRdsCreatesAndDropsToo(PostgresServer postgres) {
        String master = "rds-like-master";
        String name = "scripts-rds";
        Psql.forget(postgres, name);
        Psql.forget(postgres, master);
        Psql.master(postgres, "CREATE ROLE \"rds-like-master\" LOGIN CREATEDB CREATEROLE PASSWORD 'rds-master-pw'");
        DatabaseEndpoint asMaster = new DatabaseEndpoint("127.0.0.1", postgres.endpoint().port(), master);
        Map<String, String> password = postgres.containerEnvironment("rds-master-pw");

        Processes.Result created = Processes.run(DatabaseScripts.create(role(name, "pw-rds"), asMaster), password, Duration.ofSeconds(60));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(Psql.as(postgres, name, "pw-rds", name, "SELECT current_user").stdout()).isEqualTo("scripts-rds\n");
        Processes.Result again = Processes.run(DatabaseScripts.create(role(name, "pw-rds"), asMaster), password, Duration.ofSeconds(60));
        assertThat(again.exitCode()).as(again.output()).isZero();

        Processes.Result dropped = Processes.run(DatabaseScripts.drop(EnvironmentName.of(name), asMaster), password, Duration.ofSeconds(60));
        assertThat(dropped.output()).isEqualTo("Dropped database scripts-rds and role scripts-rds.\n");
        Psql.forget(postgres, master);
    }

    @Test
    void aHostileNameStaysOneLiteralNameInShellAndSql(PostgresServer postgres) {
        // Names are validated before they get here; the scripts must not rely on it.
        String hostile = "x'; DROP DATABASE postgres; -- $(touch /tmp/pwned) `id` \"q\"";
        List<String> create = new ArrayList<>(DatabaseScripts.create(role("placeholder", "pw-hostile"), postgres.endpoint()));
        create.set(4, hostile);
        Processes.Result created = runScript(postgres, create);
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(postgres.databaseExists(hostile)).isTrue();
        assertThat(postgres.databaseExists("postgres")).isTrue();
        assertThat(Psql.as(postgres, hostile, "pw-hostile", hostile, "SELECT 1").stdout()).isEqualTo("1\n");

        Processes.Result again = runScript(postgres, create);
        assertThat(again.stdout()).as(again.output()).contains("already exists");

        List<String> drop = new ArrayList<>(DatabaseScripts.drop(EnvironmentName.of("placeholder"), postgres.endpoint()));
        drop.set(4, hostile);
        assertThat(runScript(postgres, drop).exitCode()).isZero();
        assertThat(postgres.databaseExists(hostile)).isFalse();
    }

    @Test
    void aWrongPasswordFailsWithTheServersMessage(PostgresServer postgres) {
        Processes.Result result = Processes.run(DatabaseScripts.create(role("scripts-denied", "pw"), postgres.endpoint()),
                postgres.containerEnvironment("not-the-password"), Duration.ofSeconds(60));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("password authentication failed");
        assertThat(postgres.databaseExists("scripts-denied")).isFalse();
    }

    static EnvironmentRole role(String name, String password) {
        return role(name, password, 20);
    }

    private static EnvironmentRole role(String name, String password, int connectionLimit) {
        return new EnvironmentRole(EnvironmentName.of(name), RolePassword.scramVerifier(password, RANDOM), connectionLimit);
    }

    /** A session connected to the environment's database, as a running task would hold one. */
    private static Process holdSession(PostgresServer postgres, String name, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Psql.command("-X", "-q", "-c", "SELECT pg_sleep(60)"));
        builder.environment().putAll(Psql.environment(postgres, name, password, name));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Psql.master(postgres, "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "'").equals("1")) {
            if (System.nanoTime() > until) throw new IllegalStateException("the session did not connect");
            Thread.sleep(100);
        }
        return process;
    }

    /** As sshd runs an exec request: the command line through a shell, with the client's input on stdin. */
    private static Processes.Result shell(PostgresServer postgres, String commandLine, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", commandLine);
        builder.environment().putAll(postgres.containerEnvironment(""));
        builder.environment().remove("PGPASSWORD");
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException("shell did not finish");
        return new Processes.Result(process.exitValue(), out, err);
    }

    /** As the task would run it: PGPASSWORD from the task definition's secrets, everything else from argv. */
    private static Processes.Result runScript(PostgresServer postgres, List<String> command) {
        return Processes.run(command, postgres.containerEnvironment(postgres.password()), Duration.ofSeconds(60));
    }
}
