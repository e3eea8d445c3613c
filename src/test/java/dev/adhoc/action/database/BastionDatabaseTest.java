package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.util.Poll;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** database: bastion against a real SSH server (Apache MINA SSHD) running the real psql scripts against a real PostgreSQL. */
@ExtendWith(RealServers.class)
class BastionDatabaseTest {
    private static final Poll POLL = Poll.sleeping(Clock.systemUTC());
    private final Fixtures.CapturedLog captured = new Fixtures.CapturedLog(false);

    @Test
    void createsAndDropsIdempotentlyThroughTheBastion(SshServer ssh, PostgresServer postgres) {
        String name = "bastion-alpha";
        postgres.dropIfExists(name);
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_KNOWN_HOSTS, ssh.knownHostsLine()), postgres::server, postgres);

        admin.ensure(DatabaseScriptsTest.role(name, "role-password"));
        assertThat(postgres.databaseExists(name)).isTrue();
        admin.ensure(DatabaseScriptsTest.role(name, "role-password"));
        assertThat(postgres.databaseExists(name)).isTrue();
        admin.drop(EnvironmentName.of(name));
        assertThat(postgres.databaseExists(name)).isFalse();
        admin.drop(EnvironmentName.of(name));
        assertThat(postgres.databaseExists(name)).isFalse();

        assertThat(captured.text())
                .contains("▸ Creating database and role 'bastion-alpha' on " + postgres.endpoint().address() + " through bastion 127.0.0.1:"
                        + ssh.port() + "\nCreated role bastion-alpha and database bastion-alpha (owner bastion-alpha, connection limit 20).\n")
                .contains("Database bastion-alpha already exists (owner bastion-alpha, connection limit 20).")
                .contains("▸ Dropping database and role 'bastion-alpha'")
                .contains("Dropped database bastion-alpha and role bastion-alpha.")
                .doesNotContain("SCRAM-SHA-256$", "psql", "SELECT")
                .doesNotContain(postgres.password())
                .doesNotContain("Warning");
        // The password travels on the command's standard input, never in its command line.
        assertThat(ssh.log()).contains("Accepted publickey for " + ssh.user()).contains("Running IFS= read -r PGPASSWORD")
                .doesNotContain(postgres.password());
    }

    @Test
    void theRoleLogsInWithThePasswordFromItsSecretAndReachesOnlyItsOwnDatabase(SshServer ssh, PostgresServer postgres) throws Exception {
        String prefix = Fixtures.uniquePrefix();
        Psql.forget(postgres, "bastion-one");
        Psql.forget(postgres, "bastion-two");
        try (AwsClients aws = new AwsClients(LocalAws.shared().processEnvironment())) {
            Inputs inputs = inputs(ssh).with(Input.SSH_KNOWN_HOSTS, ssh.knownHostsLine());
            DatabaseAdmin admin = DatabaseAdmins.create(DatabaseOptions.from(inputs), inputs.duration(Input.WAIT_TIMEOUT), captured.log,
                    Fixtures.shared(postgres.endpoint(), Optional.empty(), prefix), aws.secrets(), new ObjectMapper(), postgres::server,
                    unusedTasks(), POLL);
            admin.ensure(EnvironmentName.of("bastion-one"));
            admin.ensure(EnvironmentName.of("bastion-two"));
            String one = new ObjectMapper().readTree(aws.secrets().getSecretValue(r -> r.secretId(prefix + "/bastion-one/database"))
                    .secretString()).path("password").asText();

            assertThat(Psql.as(postgres, "bastion-one", one, "bastion-one", "SELECT current_user").stdout()).isEqualTo("bastion-one\n");
            assertThat(Psql.as(postgres, "bastion-one", one, "bastion-two", "SELECT 1").stderr())
                    .contains("permission denied for database \"bastion-two\"");
            assertThat(captured.text()).doesNotContain(one, "SCRAM-SHA-256$");
            assertThat(ssh.log()).doesNotContain(one, "SCRAM-SHA-256$", postgres.password());

            admin.drop(EnvironmentName.of("bastion-one"));
            admin.drop(EnvironmentName.of("bastion-two"));
            assertThat(postgres.databaseExists("bastion-one")).isFalse();
            assertThat(captured.text()).contains("Dropped database bastion-one and role bastion-one.")
                    .contains("Deleted secret " + prefix + "/bastion-one/database.");
        }
    }

    @Test
    void theGitHubLogOnlyEverCarriesThePasswordInsideTheMaskCommand(SshServer ssh, PostgresServer postgres) {
        Fixtures.CapturedLog github = new Fixtures.CapturedLog(true);
        Inputs inputs = inputs(ssh).with(Input.SSH_KNOWN_HOSTS, ssh.knownHostsLine());
        DatabaseServerAdmin admin = DatabaseAdmins.serverAdmin(DatabaseOptions.from(inputs), inputs.duration(Input.WAIT_TIMEOUT), github.log,
                shared(postgres), postgres::server, unusedTasks(), POLL);
        admin.ensure(DatabaseScriptsTest.role("bastion-gh", "role-password"));
        admin.drop(EnvironmentName.of("bastion-gh"));
        assertThat(github.text().lines().filter(l -> l.contains(postgres.password())))
                .allSatisfy(l -> assertThat(l).startsWith("::add-mask::"));
        assertThat(github.text()).contains("::group::Creating database and role 'bastion-gh'");
    }

    @Test
    void aWrongHostKeyIsRefusedBeforeAnythingRuns(SshServer ssh, PostgresServer postgres) {
        String name = "bastion-mitm";
        postgres.dropIfExists(name);
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_KNOWN_HOSTS, ssh.wrongKnownHostsLine()), postgres::server, postgres);

        AdhocFailure failure = catchThrowableOfType(AdhocFailure.class, () -> admin.ensure(DatabaseScriptsTest.role(name, "role-password")));

        assertThat(failure.reason()).isEqualTo("ssh-host-key-mismatch");
        assertThat(failure.getMessage())
                .contains("does not match ssh-known-hosts")
                .contains("ssh-ed25519 SHA256:")
                .contains("ssh-keyscan -p " + ssh.port() + " 127.0.0.1");
        assertThat(postgres.databaseExists(name)).isFalse();
        assertThat(captured.text()).doesNotContain(postgres.password());
    }

    @Test
    void aHostMissingFromKnownHostsIsRefused(SshServer ssh, PostgresServer postgres) {
        String line = ssh.knownHostsLine().replace("[127.0.0.1]:" + ssh.port(), "[bastion.example.com]:" + ssh.port());
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_KNOWN_HOSTS, line), postgres::server, postgres);

        assertThatThrownBy(() -> admin.ensure(DatabaseScriptsTest.role("bastion-unknown", "role-password")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("ssh-host-key-unknown");
                    assertThat(f.getMessage()).contains("[host]:port").contains("ssh-keyscan -p " + ssh.port());
                });
        assertThat(postgres.databaseExists("bastion-unknown")).isFalse();
    }

    @Test
    void skippingTheHostKeyCheckWorksButWarnsLoudly(SshServer ssh, PostgresServer postgres) {
        String name = "bastion-insecure";
        postgres.dropIfExists(name);
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_INSECURE_SKIP_HOST_KEY_CHECK, "true"), postgres::server, postgres);

        admin.ensure(DatabaseScriptsTest.role(name, "role-password"));
        admin.drop(EnvironmentName.of(name));

        assertThat(postgres.databaseExists(name)).isFalse();
        assertThat(captured.text().lines().filter(l -> l.startsWith("Warning: INSECURE: ssh-insecure-skip-host-key-check")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("NOT checked").contains("ssh-keyscan -p " + ssh.port() + " 127.0.0.1"));
    }

    @Test
    void aKeyTheBastionDoesNotKnowIsAnAuthenticationFailure(SshServer ssh, PostgresServer postgres) {
        String otherKey = ssh.otherClientPrivateKey();
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_KNOWN_HOSTS, ssh.knownHostsLine())
                .with(Input.SSH_PRIVATE_KEY, otherKey), postgres::server, postgres);

        assertThatThrownBy(() -> admin.ensure(DatabaseScriptsTest.role("bastion-auth", "role-password")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("ssh-auth-failed");
                    assertThat(f.getMessage()).contains("authorized_keys").contains(ssh.user() + "@127.0.0.1:" + ssh.port());
                });
    }

    @Test
    void aBastionNobodyListensOnIsUnreachable(SshServer ssh, PostgresServer postgres) {
        int closed = Processes.freePort();
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.BASTION_HOST, "127.0.0.1:" + closed)
                .with(Input.SSH_KNOWN_HOSTS, ssh.knownHostsLine()), postgres::server, postgres);

        assertThatThrownBy(() -> admin.ensure(DatabaseScriptsTest.role("bastion-down", "role-password")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("ssh-unreachable");
                    assertThat(f.getMessage()).contains("Could not reach").contains("port " + closed);
                });
    }

    @Test
    void aFailingCommandOnTheBastionSaysWhatFailedAndKeepsThePasswordOut(SshServer ssh, PostgresServer postgres) {
        DatabaseServer wrong = new DatabaseServer(postgres.endpoint(), "wrong-" + postgres.password());
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_KNOWN_HOSTS, ssh.knownHostsLine()), () -> wrong, postgres);

        AdhocFailure failure = catchThrowableOfType(AdhocFailure.class, () -> admin.ensure(DatabaseScriptsTest.role("bastion-denied", "role-password")));

        assertThat(failure.reason()).isEqualTo("database-failed");
        assertThat(failure.getMessage())
                .startsWith("Creating database and role 'bastion-denied' on " + postgres.endpoint().address() + " through bastion 127.0.0.1:"
                        + ssh.port() + " failed (exit status 2): ")
                .contains("password authentication failed")
                .doesNotContain(wrong.password());
        assertThat(captured.text()).doesNotContain(wrong.password()).contains("password authentication failed");
        assertThat(postgres.databaseExists("bastion-denied")).isFalse();
    }

    @Test
    void hashedKnownHostsLinesAsSshKeyscanHPrintsThemWork(SshServer ssh, PostgresServer postgres) {
        String hashed = ssh.hashedKnownHostsLine();
        assertThat(hashed).startsWith("|1|").doesNotContain("127.0.0.1");
        DatabaseServerAdmin admin = admin(inputs(ssh).with(Input.SSH_KNOWN_HOSTS, "# bastion\n" + hashed), postgres::server, postgres);
        admin.drop(EnvironmentName.of("bastion-hashed"));
        assertThat(captured.text()).contains("Database bastion-hashed and role bastion-hashed do not exist: nothing to drop.");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsAbandoned(SshServer ssh) {
        BastionSettings settings = new BastionSettings(new BastionTarget("127.0.0.1", ssh.port(), ssh.user()), ssh.clientPrivateKey(),
                Optional.of(ssh.knownHostsLine()), false, Duration.ofSeconds(10), Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> new BastionShell(settings, captured.log, POLL).run("echo started >&2; sleep 30", ""))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-failed");
                    assertThat(f.getMessage()).contains("did not finish within 1.0s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWaitForTheCommandEndedByAnInterruptFailsAsInterrupted(SshServer ssh) {
        BastionSettings settings = new BastionSettings(new BastionTarget("127.0.0.1", ssh.port(), ssh.user()), ssh.clientPrivateKey(),
                Optional.of(ssh.knownHostsLine()), false, Duration.ofSeconds(10), Duration.ofSeconds(30));
        // A cancelled run: the first pause of the wait is interrupted.
        Poll interrupted = new Poll(Clock.systemUTC(), duration -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> new BastionShell(settings, captured.log, interrupted).run("sleep 30", ""))
                    .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.reason()).isEqualTo("interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag stays set").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theRemoteCommandGetsStdinAndReportsItsExitStatusAndOutput(SshServer ssh) {
        BastionSettings settings = new BastionSettings(new BastionTarget("127.0.0.1", ssh.port(), ssh.user()), ssh.clientPrivateKey(),
                Optional.of(ssh.knownHostsLine()), false, Duration.ofSeconds(10), Duration.ofSeconds(30));
        RemoteResult result = new BastionShell(settings, captured.log, POLL)
                .run("IFS= read -r line && printf '%s' \"$line\" && echo oops >&2 && exit 3", " spaced \\ 'quoted' $(x)\n");
        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo(" spaced \\ 'quoted' $(x)");
        assertThat(result.lastErrorLines(5)).isEqualTo("oops");
    }

    private DatabaseServerAdmin admin(Inputs inputs, Supplier<DatabaseServer> server, PostgresServer postgres) {
        return DatabaseAdmins.serverAdmin(DatabaseOptions.from(inputs), inputs.duration(Input.WAIT_TIMEOUT), captured.log, shared(postgres), () -> {
            DatabaseServer read = server.get();
            // What MasterCredentials does on reading the secret.
            captured.log.mask(read.password());
            return read;
        }, unusedTasks(), POLL);
    }

    private static SharedManifest shared(PostgresServer postgres) {
        return Fixtures.shared(postgres.endpoint(), Optional.of(new SharedManifest.Bastion("bastion.unused.example", "ec2-user")));
    }

    private static OneOffTaskRunner unusedTasks() {
        return (cluster, taskDefinition, container, command, network) -> {
            throw new AssertionError("bastion mode must not run tasks");
        };
    }

    private static Inputs inputs(SshServer ssh) {
        Map<Input, String> values = new EnumMap<>(Input.class);
        values.put(Input.DATABASE, "bastion");
        values.put(Input.BASTION_HOST, "127.0.0.1:" + ssh.port());
        values.put(Input.BASTION_USER, ssh.user());
        values.put(Input.SSH_PRIVATE_KEY, ssh.clientPrivateKey());
        values.put(Input.WAIT_TIMEOUT, "2m");
        return Inputs.of(values);
    }
}
