package dev.adhoc.action.database;

import dev.adhoc.action.manifest.Network;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Shared manifests and a captured job log for the database tests. */
final class Fixtures {
    private Fixtures() {
    }

    static SharedManifest shared(DatabaseEndpoint database, Optional<SharedManifest.Bastion> bastion) {
        return shared(database, bastion, SharedManifest.DEFAULT_NAME_PREFIX);
    }

    /** A stack whose per-environment names (and secrets) start with {@code namePrefix}. */
    static SharedManifest shared(DatabaseEndpoint database, Optional<SharedManifest.Bastion> bastion, String namePrefix) {
        return new SharedManifest("adhoc", "us-east-1", "dev.example.com", "arn:aws:elasticloadbalancing:listener",
                database(database.host(), database.port(), database.username(),
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:adhoc-master"),
                bastion,
                Optional.of(new SharedManifest.DbAdmin("adhoc-shared", "adhoc-dbadmin", "psql",
                        new Network(List.of("subnet-1"), List.of("sg-1"), "DISABLED"))),
                namePrefix, List.of(), List.of());
    }

    /** A database server with the default per-environment connection limit and no published max_connections. */
    static SharedManifest.Database database(String host, int port, String username, String masterSecretArn) {
        return new SharedManifest.Database(host, port, username, masterSecretArn, SharedManifest.Database.DEFAULT_CONNECTION_LIMIT,
                OptionalInt.empty());
    }

    /** A name prefix no other test uses, so secrets in the shared local AWS never collide. */
    static String uniquePrefix() {
        return "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    /** A job log whose printed text the test can read. */
    static final class CapturedLog {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final JobLog log;

        CapturedLog(boolean githubActions) {
            log = new JobLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), githubActions);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
