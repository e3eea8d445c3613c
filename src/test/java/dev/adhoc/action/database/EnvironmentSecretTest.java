package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.testing.LocalAws;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The environment's own secret in Secrets Manager (the local AWS). */
class EnvironmentSecretTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvironmentName ENV = EnvironmentName.of("pr-12");
    private static final SharedManifest.Database DATABASE = Fixtures.database("db.internal", 5432, "master", "arn:master");
    private static AwsClients aws;

    private final String prefix = Fixtures.uniquePrefix();
    private final Fixtures.CapturedLog captured = new Fixtures.CapturedLog(true);
    private final AtomicInteger generated = new AtomicInteger();
    private final Supplier<String> passwords = () -> "generated-password-" + generated.incrementAndGet();

    @BeforeAll
    static void localAws() {
        aws = new AwsClients(LocalAws.shared().processEnvironment());
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void createsTheSecretUnderThePrefixWithWhatTheEnvironmentConnectsWith() throws Exception {
        EnvironmentSecret.Credentials credentials = secret().ensure(ENV, DATABASE, passwords);

        assertThat(credentials.secretName()).isEqualTo(prefix + "/pr-12/database");
        assertThat(credentials.created()).isTrue();
        assertThat(credentials.toString()).doesNotContain("generated-password");
        assertThat(stored()).isEqualTo(JSON.readTree("""
                {"username": "pr-12", "password": "generated-password-1", "host": "db.internal", "port": 5432, "dbname": "pr-12"}"""));
    }

    @Test
    void anExistingSecretKeepsItsPasswordAndFollowsTheDatabaseHost() throws Exception {
        secret().ensure(ENV, DATABASE, passwords);

        EnvironmentSecret.Credentials again = secret().ensure(ENV, DATABASE, passwords);
        assertThat(again.password()).isEqualTo("generated-password-1");
        assertThat(again.created()).isFalse();

        SharedManifest.Database moved = Fixtures.database("db2.internal", 5433, "master", "arn:master");
        EnvironmentSecret.Credentials afterMove = secret().ensure(ENV, moved, passwords);
        assertThat(afterMove.password()).isEqualTo("generated-password-1");
        assertThat(stored().path("host").asText()).isEqualTo("db2.internal");
        assertThat(stored().path("port").asInt()).isEqualTo(5433);
        assertThat(stored().path("password").asText()).isEqualTo("generated-password-1");
        assertThat(generated.get()).as("no password generated for an existing secret").isEqualTo(1);
    }

    @Test
    void aSecretWithoutAPasswordGetsANewOne() throws Exception {
        client().createSecret(r -> r.name(prefix + "/pr-12/database").secretString("{\"username\": \"pr-12\"}"));

        EnvironmentSecret.Credentials credentials = secret().ensure(ENV, DATABASE, passwords);

        assertThat(credentials.password()).isEqualTo("generated-password-1");
        assertThat(stored().path("password").asText()).isEqualTo("generated-password-1");
        assertThat(captured.text()).doesNotContain("its password is kept").contains("::warning::Secret " + prefix + "/pr-12/database held no password: a new one is stored.");
    }

    @Test
    void passwordsReachTheLogOnlyInsideTheMaskCommand() {
        client().createSecret(r -> r.name(prefix + "/pr-13/database").secretString("{\"password\": \"stored-password-13\"}"));
        secret().ensure(ENV, DATABASE, passwords);
        secret().ensure(EnvironmentName.of("pr-13"), DATABASE, passwords);

        assertThat(captured.text().lines().filter(l -> l.contains("password-")))
                .containsExactly("::add-mask::generated-password-1", "::add-mask::stored-password-13");
    }

    @Test
    void deleteRemovesItAtOnceSoTheNameIsFreeAgainAndAMissingOneIsANotice() {
        secret().ensure(ENV, DATABASE, passwords);

        secret().delete(ENV);
        assertThatThrownBy(this::stored).isInstanceOf(ResourceNotFoundException.class);
        // A deletion with a recovery window would keep the name taken for days.
        assertThat(secret().ensure(ENV, DATABASE, passwords).created()).isTrue();
        secret().delete(ENV);
        secret().delete(ENV);

        assertThat(captured.text()).contains("Deleted secret " + prefix + "/pr-12/database.")
                .contains("::notice::Secret " + prefix + "/pr-12/database does not exist: nothing to delete.");
    }

    @Test
    void aSecretScheduledForDeletionIsAClearFailure() {
        client().createSecret(r -> r.name(prefix + "/pr-12/database").secretString("{\"password\": \"old\"}"));
        client().deleteSecret(r -> r.secretId(prefix + "/pr-12/database").recoveryWindowInDays(7L));

        assertThatThrownBy(() -> secret().ensure(ENV, DATABASE, passwords))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-secret-failed");
                    assertThat(f.getMessage()).startsWith("Reading secret " + prefix + "/pr-12/database failed: ")
                            .contains("aws secretsmanager restore-secret --secret-id " + prefix + "/pr-12/database");
                });
        client().deleteSecret(r -> r.secretId(prefix + "/pr-12/database").forceDeleteWithoutRecovery(true));
    }

    private EnvironmentSecret secret() {
        return new EnvironmentSecret(client(), JSON, captured.log, prefix);
    }

    private SecretsManagerClient client() {
        return aws.secrets();
    }

    private JsonNode stored() throws Exception {
        return JSON.readTree(client().getSecretValue(r -> r.secretId(prefix + "/pr-12/database")).secretString());
    }
}
