package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;
import java.util.List;

/**
 * The shell scripts that create and drop a database with the PostgreSQL client tools
 * ({@code psql}, {@code createdb}, {@code dropdb}). Both the one-off task and the bastion run
 * them. The scripts are constants: the database name, host, port and user arrive as
 * positional arguments ({@code $1..$4}), never spliced into script text, and the password
 * comes from {@code PGPASSWORD} in the environment.
 */
public final class DatabaseScripts {
    /** {@code $0} of the scripts: shows up in the shell's own error messages. */
    static final String SCRIPT_NAME = "adhoc-database";

    private static final String PREAMBLE = """
            set -u
            name="$1"
            export PGHOST="$2" PGPORT="$3" PGUSER="$4" PGDATABASE=postgres
            export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-20}"
            """;

    /**
     * Creates the database unless it exists. The name reaches SQL only as a psql variable
     * quoted as a literal ({@code :'name'}), and createdb quotes it as an identifier itself.
     * A createdb that loses a race with another run counts as success once the database is there.
     */
    static final String CREATE = PREAMBLE + """
            exists() {
              printf '%s\\n' "SELECT 1 FROM pg_database WHERE datname = :'name';" \\
                | psql -X -q -t -A -v ON_ERROR_STOP=1 -v name="$name"
            }
            found=$(exists) || exit $?
            if [ "$found" = 1 ]; then
              echo "Database $name already exists."
              exit 0
            fi
            createdb -- "$name"
            status=$?
            if [ "$status" -eq 0 ]; then
              echo "Created database $name."
              exit 0
            fi
            if [ "$(exists)" = 1 ]; then
              echo "Database $name already exists."
              exit 0
            fi
            exit "$status"
            """;

    /**
     * Drops the database if it exists. {@code --force} ends sessions still connected to it
     * (a task that outlived its service would otherwise keep the database forever).
     */
    static final String DROP = PREAMBLE + """
            dropdb --if-exists --force -- "$name" || exit $?
            echo "Dropped database $name (if it existed)."
            """;

    private DatabaseScripts() {
    }

    /** The script's text; the same for every environment. */
    public static String script(DatabaseAction action) {
        return switch (action) {
            case CREATE -> CREATE;
            case DROP -> DROP;
        };
    }

    /**
     * The argv that runs {@code action} for {@code name} against {@code endpoint}:
     * {@code ["sh", "-c", SCRIPT, "adhoc-database", name, host, port, username]}.
     */
    public static List<String> command(DatabaseAction action, EnvironmentName name, DatabaseEndpoint endpoint) {
        return List.of("sh", "-c", script(action), SCRIPT_NAME, name.value(), endpoint.host(),
                Integer.toString(endpoint.port()), endpoint.username());
    }

    /** The container command of the one-off task that creates the database. */
    public static List<String> create(EnvironmentName name, DatabaseEndpoint endpoint) {
        return command(DatabaseAction.CREATE, name, endpoint);
    }

    /** The container command of the one-off task that drops the database. */
    public static List<String> drop(EnvironmentName name, DatabaseEndpoint endpoint) {
        return command(DatabaseAction.DROP, name, endpoint);
    }

    /**
     * The command line for an SSH exec channel: reads the password as the first line of
     * standard input, so it is in no argv, no command line and no shell history, then runs
     * the script with every argument quoted.
     */
    public static String remoteCommandLine(DatabaseAction action, EnvironmentName name, DatabaseEndpoint endpoint) {
        return "IFS= read -r PGPASSWORD && export PGPASSWORD && exec " + PosixShell.join(command(action, name, endpoint));
    }
}
