package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.manifest.SharedManifest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The database inputs are checked, with helpful texts, before any connection is made. */
class DatabaseInputsTest {
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAsecretmaterial\n-----END OPENSSH PRIVATE KEY-----\n";
    private static final String KNOWN = "bastion.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample\n";
    private static final Optional<SharedManifest.Bastion> SHARED_BASTION = Optional.of(new SharedManifest.Bastion("203.0.113.7", "ec2-user"));

    private final Fixtures.CapturedLog captured = new Fixtures.CapturedLog(false);

    @ParameterizedTest
    @CsvSource({"bastion,BASTION", "task,TASK", "none,NONE", " Bastion ,BASTION", "NONE,NONE"})
    void parsesTheDatabaseMode(String value, DatabaseMode mode) {
        assertThat(DatabaseMode.parse(value)).isEqualTo(mode);
    }

    @Test
    void theModeDefaultsToTask() {
        assertThat(DatabaseOptions.from(Inputs.of(Map.of())).mode()).isEqualTo(DatabaseMode.TASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh", "", "rds"})
    void aBadModeListsTheGoodOnes(String value) {
        assertThatThrownBy(() -> DatabaseMode.parse(value)).isInstanceOfSatisfying(AdhocFailure.class, f -> {
            assertThat(f.reason()).isEqualTo("invalid-input");
            assertThat(f.getMessage()).isEqualTo("Input 'database' is '" + value + "'; use one of bastion, task, none.");
        });
    }

    @ParameterizedTest
    @CsvSource({"bastion.example.com,bastion.example.com,22", "203.0.113.7:2222,203.0.113.7,2222", "a,a,22",
            "[2001:db8::1]:2200,2001:db8::1,2200", "[::1],::1,22", "b-1.example.com:22,b-1.example.com,22"})
    void readsHostAndPort(String input, String host, int port) {
        BastionTarget target = BastionTarget.parse(input, "ec2-user");
        assertThat(target.host()).isEqualTo(host);
        assertThat(target.port()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host:", "host:0", "host:65536", "host:22:22", "-oProxyCommand=x", "host name", "user@host",
            "host;id", "$(id)", "[bad]:22", "[::1;id]", "host:abc", "host.", "[::1]:99999"})
    void refusesHostsThatAreNotHostOrHostPort(String input) {
        assertThatThrownBy(() -> BastionTarget.parse(input, "ec2-user")).isInstanceOfSatisfying(AdhocFailure.class, f -> {
            assertThat(f.reason()).isEqualTo("invalid-input");
            assertThat(f.getMessage()).startsWith("Input 'bastion-host' is '").contains("not a host or host:port");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand", "a b", "root;id", ""})
    void refusesOddUserNames(String user) {
        assertThatThrownBy(() -> BastionTarget.parse("bastion", user)).isInstanceOfSatisfying(AdhocFailure.class,
                f -> assertThat(f.getMessage()).startsWith("Input 'bastion-user' is '"));
    }

    @Test
    void takesHostAndUserFromTheSharedStackUnlessGiven() {
        BastionSettings fromShared = settings(bastion(Map.of()), SHARED_BASTION);
        assertThat(fromShared.target()).isEqualTo(new BastionTarget("203.0.113.7", 22, "ec2-user"));
        assertThat(fromShared.knownHosts()).hasValue(KNOWN.strip());
        assertThat(fromShared.commandTimeout()).isEqualTo(Duration.ofMinutes(20));

        BastionSettings given = settings(bastion(Map.of(Input.BASTION_HOST, "jump.example.com:2022",
                Input.BASTION_USER, "admin")), SHARED_BASTION);
        assertThat(given.target()).isEqualTo(new BastionTarget("jump.example.com", 2022, "admin"));
    }

    @Test
    void withoutAnyBastionHostItSaysWhatToGive() {
        assertThatThrownBy(() -> settings(bastion(Map.of()), Optional.empty()))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage())
                        .isEqualTo("Input 'bastion-host' is required for database: bastion (the shared stack publishes no bastion):"
                                + " give the bastion's host or host:port."));
    }

    @Test
    void missingKnownHostsIsAClearFailureNamingTheKeyscanCommand() {
        Inputs inputs = Inputs.of(Map.of(Input.DATABASE, "bastion", Input.BASTION_HOST, "203.0.113.7:2222", Input.SSH_PRIVATE_KEY, KEY));
        assertThatThrownBy(() -> settings(inputs, SHARED_BASTION))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("invalid-input");
                    assertThat(f.getMessage()).startsWith("Input 'ssh-known-hosts' is required for database: bastion")
                            .contains("ssh-keyscan -p 2222 203.0.113.7");
                });
    }

    @Test
    void skippingTheCheckNeedsNoKnownHostsAndIgnoresAnyGiven() {
        BastionSettings settings = settings(bastion(Map.of(Input.SSH_INSECURE_SKIP_HOST_KEY_CHECK, "true")), SHARED_BASTION);
        assertThat(settings.insecureSkipHostKeyCheck()).isTrue();
        assertThat(settings.knownHosts()).isEmpty();
    }

    @Test
    void aMissingOrMangledKeyIsRefused() {
        Inputs noKey = Inputs.of(Map.of(Input.SSH_KNOWN_HOSTS, KNOWN));
        assertThatThrownBy(() -> settings(noKey, SHARED_BASTION))
                .hasMessageStartingWith("Input 'ssh-private-key' is required for database: bastion");
        Inputs mangled = Inputs.of(Map.of(Input.SSH_KNOWN_HOSTS, KNOWN, Input.SSH_PRIVATE_KEY, "ssh-ed25519 AAAA public-half"));
        assertThatThrownBy(() -> settings(mangled, SHARED_BASTION))
                .hasMessageContaining("does not look like a private key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"# only a comment", "bastion.example.com", "bastion.example.com ssh-ed25519", "@cert-authority * ssh-ed25519"})
    void mangledKnownHostsAreRefused(String knownHosts) {
        assertThatThrownBy(() -> settings(bastion(Map.of(Input.SSH_KNOWN_HOSTS, knownHosts)), SHARED_BASTION))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage()).startsWith("Input 'ssh-known-hosts' "));
    }

    @Test
    void thePrivateKeyIsMaskedAndNeverShownBySettings() {
        BastionSettings settings = settings(bastion(Map.of()), SHARED_BASTION);
        captured.log.info("key: " + KEY);
        assertThat(captured.text()).doesNotContain("secretmaterial");
        assertThat(settings.toString()).doesNotContain("secretmaterial").contains("privateKey=***");
    }

    @Test
    void theServerNeverShowsItsPassword() {
        DatabaseServer server = new DatabaseServer(new DatabaseEndpoint("db.internal", 5432, "master"), "hunter2-password");
        assertThat(server.toString()).doesNotContain("hunter2").contains("master@db.internal:5432");
        assertThatThrownBy(() -> new DatabaseServer(server.endpoint(), "two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseServer(server.endpoint(), "")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The bastion inputs as the program parses them, then completed from the shared stack as create and destroy do. */
    private BastionSettings settings(Inputs inputs, Optional<SharedManifest.Bastion> shared) {
        return BastionSettings.of(BastionOptions.from(inputs), shared, Inputs.of(Map.of()).duration(Input.WAIT_TIMEOUT), captured.log);
    }

    private static Inputs bastion(Map<Input, String> more) {
        Inputs inputs = Inputs.of(Map.of(Input.DATABASE, "bastion", Input.SSH_PRIVATE_KEY, KEY, Input.SSH_KNOWN_HOSTS, KNOWN));
        for (Map.Entry<Input, String> e : more.entrySet()) inputs = inputs.with(e.getKey(), e.getValue());
        return inputs;
    }
}
