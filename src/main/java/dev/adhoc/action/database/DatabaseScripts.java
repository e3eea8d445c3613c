package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.text.ShellWords;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell scripts that create and drop an environment's login role and database with
 * {@code psql}. Both the one-off task and the bastion run them. The scripts are constants: the
 * environment's name, host, port, user, connection limit and password verifier arrive as
 * positional arguments ({@code $1..$6}) and reach SQL only as psql variables, quoted by psql
 * ({@code :'name'} as a literal, {@code :"name"} as an identifier); the master password comes
 * from {@code PGPASSWORD} in the environment. What a script did is its one line of output.
 */
public final class DatabaseScripts {
    /** {@code $0} of the scripts: shows up in the shell's own error messages and process listings. */
    static final String SCRIPT_NAME = "adhoc-database";

    private static final String PREAMBLE = """
            set -u
            export PGHOST="$2" PGPORT="$3" PGUSER="$4" PGDATABASE=postgres
            export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-20}"
            """;

    /**
     * Creates or updates role {@code $1} (login, no other rights, CONNECTION LIMIT {@code $5},
     * password verifier {@code $6}) and database {@code $1} owned by it, which only it (and the
     * master, as a member of the role) may connect to. A role the program did not create, or a
     * database another role owns, is refused before anything changes. The master becomes a member
     * of the role: on RDS it is no superuser and may only give a database to a role it belongs to.
     * The role is a member of no role, but INHERIT: since PostgreSQL 15 schema public belongs to
     * pg_database_owner, whose rights a database's owner has only by inheritance, so a NOINHERIT
     * owner could not create its own tables.
     */
    static final String CREATE = PREAMBLE + """
            exec psql -X -q -v ON_ERROR_STOP=1 -v name="$1" -v connection_limit="$5" -v verifier="$6" <<'SQL'
            SET client_min_messages = warning;
            SELECT set_config('adhoc.environment', :'name', false) IS NOT NULL AS ready \\gset
            DO $$
            DECLARE
              env text := current_setting('adhoc.environment');
            BEGIN
              IF EXISTS (SELECT FROM pg_roles WHERE rolname = env
                         AND shobj_description(oid, 'pg_authid') IS DISTINCT FROM 'adhoc-action environment role') THEN
                RAISE EXCEPTION 'role "%" exists and was not created by adhoc-action', env
                  USING HINT = 'Choose another environment name, or rename that role.';
              END IF;
              IF EXISTS (SELECT FROM pg_database WHERE datname = env AND pg_get_userbyid(datdba) NOT IN (env, current_user)) THEN
                RAISE EXCEPTION 'database "%" exists and belongs to role "%"', env,
                  (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = env)
                  USING HINT = 'Choose another environment name, or rename that database.';
              END IF;
            END
            $$;
            SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') AS role_existed,
                   EXISTS (SELECT FROM pg_database WHERE datname = :'name') AS database_existed,
                   :'connection_limit'::integer AS connection_limit
            \\gset
            \\if :role_existed
            ALTER ROLE :"name" LOGIN NOCREATEDB NOCREATEROLE INHERIT CONNECTION LIMIT :connection_limit PASSWORD :'verifier';
            \\else
            CREATE ROLE :"name" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOREPLICATION NOBYPASSRLS
              CONNECTION LIMIT :connection_limit PASSWORD :'verifier';
            COMMENT ON ROLE :"name" IS 'adhoc-action environment role';
            \\endif
            GRANT :"name" TO CURRENT_USER;
            \\if :database_existed
            ALTER DATABASE :"name" OWNER TO :"name";
            \\else
            CREATE DATABASE :"name" OWNER :"name";
            \\endif
            REVOKE CONNECT ON DATABASE :"name" FROM PUBLIC;
            SELECT format(CASE
                     WHEN NOT :'role_existed' AND NOT :'database_existed'
                       THEN 'Created role %1$s and database %1$s (owner %1$s, connection limit %2$s).'
                     WHEN NOT :'role_existed'
                       THEN 'Created role %1$s (connection limit %2$s); database %1$s already exists and is now owned by it.'
                     WHEN NOT :'database_existed'
                       THEN 'Created database %1$s (owner %1$s, connection limit %2$s); role %1$s already exists.'
                     ELSE 'Database %1$s already exists (owner %1$s, connection limit %2$s).'
                   END, :'name', :connection_limit) AS outcome
            \\gset
            \\echo :outcome
            SQL
            """;

    /**
     * Drops database {@code $1} (ending sessions still connected: a task that outlived its service
     * would otherwise keep it forever) and role {@code $1}, each only if it is the environment's:
     * a role the program did not create, or a database another role owns, is left alone and said so.
     */
    static final String DROP = PREAMBLE + """
            exec psql -X -q -v ON_ERROR_STOP=1 -v name="$1" <<'SQL'
            SET client_min_messages = warning;
            SELECT EXISTS (SELECT FROM pg_database WHERE datname = :'name') AS database_existed,
                   EXISTS (SELECT FROM pg_database WHERE datname = :'name'
                           AND pg_get_userbyid(datdba) IN (:'name', current_user)) AS database_ours,
                   EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') AS role_existed,
                   EXISTS (SELECT FROM pg_roles WHERE rolname = :'name'
                           AND shobj_description(oid, 'pg_authid') = 'adhoc-action environment role') AS role_ours
            \\gset
            \\if :database_ours
            DROP DATABASE :"name" WITH (FORCE);
            \\endif
            \\if :role_ours
            DROP OWNED BY :"name";
            DROP ROLE :"name";
            \\endif
            SELECT format(CASE
                     WHEN :'database_ours' AND :'role_ours' THEN 'Dropped database %1$s and role %1$s.'
                     WHEN NOT :'database_existed' AND NOT :'role_existed' THEN 'Database %1$s and role %1$s do not exist: nothing to drop.'
                     ELSE concat(
                       CASE WHEN :'database_ours' THEN 'Dropped database %1$s'
                            WHEN :'database_existed' THEN 'Left database %1$s alone (another role owns it)'
                            ELSE 'There was no database %1$s' END,
                       CASE WHEN :'role_ours' THEN '; dropped role %1$s.'
                            WHEN :'role_existed' THEN '; left role %1$s alone (not created by adhoc-action).'
                            ELSE '; there was no role %1$s.' END)
                   END, :'name') AS outcome
            \\gset
            \\echo :outcome
            SQL
            """;

    private DatabaseScripts() {
    }

    /**
     * The one-off task's container command that creates {@code role}:
     * {@code ["sh", "-c", CREATE, "adhoc-database", name, host, port, user, connectionLimit, verifier]}.
     */
    public static List<String> create(EnvironmentRole role, DatabaseEndpoint endpoint) {
        List<String> command = new ArrayList<>(createWithoutVerifier(role, endpoint));
        command.add(role.passwordVerifier());
        return List.copyOf(command);
    }

    /** The one-off task's container command that drops {@code name}'s database and role. */
    public static List<String> drop(EnvironmentName name, DatabaseEndpoint endpoint) {
        return List.of("sh", "-c", DROP, SCRIPT_NAME, name.value(), endpoint.host(), Integer.toString(endpoint.port()),
                endpoint.username());
    }

    /**
     * The SSH exec command line that creates {@code role}: reads the master password, then the
     * verifier, from standard input (see {@link #createInput}), so neither is in the command
     * line the bastion may log; every other argument is quoted.
     */
    public static String remoteCreate(EnvironmentRole role, DatabaseEndpoint endpoint) {
        return "IFS= read -r PGPASSWORD && export PGPASSWORD && IFS= read -r verifier && exec "
                + ShellWords.commandLine(createWithoutVerifier(role, endpoint)) + " \"$verifier\"";
    }

    /** Standard input for {@link #remoteCreate}: the master password and the verifier, a line each. */
    public static String createInput(String masterPassword, EnvironmentRole role) {
        return masterPassword + "\n" + role.passwordVerifier() + "\n";
    }

    /** The SSH exec command line that drops {@code name}'s database and role; the master password is the first line of input. */
    public static String remoteDrop(EnvironmentName name, DatabaseEndpoint endpoint) {
        return "IFS= read -r PGPASSWORD && export PGPASSWORD && exec " + ShellWords.commandLine(drop(name, endpoint));
    }

    private static List<String> createWithoutVerifier(EnvironmentRole role, DatabaseEndpoint endpoint) {
        return List.of("sh", "-c", CREATE, SCRIPT_NAME, role.name().value(), endpoint.host(), Integer.toString(endpoint.port()),
                endpoint.username(), Integer.toString(role.connectionLimit()));
    }
}
