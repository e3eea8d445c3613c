package dev.adhoc.action.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** psql against the test server as any role, for checking what the database step left behind. */
final class Psql {
    private Psql() {
    }

    /** Runs {@code sql} in {@code database} as {@code user} with {@code password}. */
    static Processes.Result as(PostgresServer postgres, String user, String password, String database, String sql) {
        return Processes.run(command("-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql),
                environment(postgres, user, password, database), Duration.ofSeconds(30));
    }

    /** psql with {@code arguments}, found on the PATH of {@link #environment} as the task's container finds it. */
    static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec psql \"$@\"", "psql"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The PostgreSQL tools on PATH and libpq's settings for connecting as {@code user} to {@code database}. */
    static Map<String, String> environment(PostgresServer postgres, String user, String password, String database) {
        Map<String, String> environment = new HashMap<>(postgres.containerEnvironment(password));
        environment.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(postgres.endpoint().port()), "PGUSER", user,
                "PGDATABASE", database, "PGCONNECT_TIMEOUT", "10"));
        return environment;
    }

    /** Runs {@code sql} in database postgres as the master user and returns its output; fails the test if psql fails. */
    static String master(PostgresServer postgres, String sql) {
        Processes.Result result = as(postgres, PostgresServer.SUPERUSER, postgres.password(), "postgres", sql);
        if (result.exitCode() != 0) throw new IllegalStateException("psql failed: " + result.output());
        return result.stdout().strip();
    }

    /** Removes what earlier runs may have left of an environment's database and role. */
    static void forget(PostgresServer postgres, String name) {
        String literal = "'" + name.replace("'", "''") + "'";
        String identifier = "\"" + name.replace("\"", "\"\"") + "\"";
        postgres.dropIfExists(name);
        if (master(postgres, "SELECT count(*) FROM pg_roles WHERE rolname = " + literal).equals("1")) {
            master(postgres, "DROP OWNED BY " + identifier);
            master(postgres, "DROP ROLE " + identifier);
        }
    }
}
