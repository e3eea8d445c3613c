package dev.adhoc.action.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL server for the tests, run from the machine's own binaries (see
 * {@link PostgresBinaries}): a fresh cluster in a temp dir with password (scram) authentication
 * on a free loopback port. initdb refuses to run as root, so as root the cluster belongs to the
 * unprivileged {@code postgres} user, created if the machine lacks it.
 */
final class PostgresServer implements AutoCloseable {
    static final String SUPERUSER = "adhoc_master";
    private static final String OS_USER = "postgres";

    private final Path dir;
    private final int port;
    private final String password;
    private final PostgresBinaries binaries;

    private PostgresServer(Path dir, int port, String password, PostgresBinaries binaries) {
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.binaries = binaries;
    }

    static PostgresServer start(PostgresBinaries binaries) {
        // Shell-hostile on purpose: the password must survive stdin and environment untouched.
        String password = "pw-" + UUID.randomUUID() + "-'\"$(touch /tmp/pwned)`x`;|&<>\\ end";
        Path dir = null;
        try {
            dir = Files.createTempDirectory("adhoc-pg");
            int port = Processes.freePort();
            Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
            if (Processes.isRoot()) {
                ensureOsUser();
                Processes.check(List.of("chown", "-R", OS_USER + ":", dir.toString()));
            }
            asServerUser(binaries.program("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                    "--auth=scram-sha-256", "--pwfile=" + dir.resolve("pwfile"), "--no-sync", "-E", "UTF8", "--locale=C");
            asServerUser(binaries.program("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off", "start");
            return new PostgresServer(dir, port, password, binaries);
        } catch (IOException | RuntimeException e) {
            String log = "";
            try {
                if (dir != null && Files.exists(dir.resolve("server.log"))) log = Files.readString(dir.resolve("server.log"));
            } catch (IOException ignored) {
                // The original failure matters more.
            }
            throw new IllegalStateException("PostgreSQL (" + binaries.bin() + ") could not be started for the tests: " + e.getMessage()
                    + "\n" + log, e);
        }
    }

    private static void ensureOsUser() {
        if (Processes.run(List.of("id", "-u", OS_USER)).exitCode() == 0) return;
        Processes.check(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER));
    }

    private static void asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (Processes.isRoot()) full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        full.addAll(List.of(command));
        Processes.check(full);
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint("127.0.0.1", port, SUPERUSER);
    }

    DatabaseServer server() {
        return new DatabaseServer(endpoint(), password);
    }

    String password() {
        return password;
    }

    /** libpq settings for running client tools directly against this server. */
    Map<String, String> clientEnvironment() {
        return Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(port), "PGUSER", SUPERUSER,
                "PGPASSWORD", password, "PGDATABASE", "postgres");
    }

    /**
     * The environment of the database-admin task's container: the PostgreSQL tools on PATH and
     * PGPASSWORD as the task definition's secrets set it; everything else comes from argv.
     */
    Map<String, String> containerEnvironment(String pgPassword) {
        Map<String, String> variables = new HashMap<>(binaries.processEnvironment());
        variables.put("PGPASSWORD", pgPassword);
        return variables;
    }

    boolean databaseExists(String name) {
        Processes.Result result = Processes.run(List.of(binaries.program("psql").toString(), "-X", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                "-c", "SELECT count(*) FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'"),
                clientEnvironment(), Duration.ofSeconds(30));
        if (result.exitCode() != 0) throw new IllegalStateException("psql failed: " + result.output());
        return result.stdout().strip().equals("1");
    }

    void dropIfExists(String name) {
        Processes.Result result = Processes.run(List.of(binaries.program("dropdb").toString(), "--if-exists", name), clientEnvironment(),
                Duration.ofSeconds(30));
        if (result.exitCode() != 0) throw new IllegalStateException("dropdb failed: " + result.output());
    }

    @Override
    public void close() {
        try {
            asServerUser(binaries.program("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            Processes.deleteTree(dir);
        }
    }
}
