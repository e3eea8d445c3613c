package dev.adhoc.action.database;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.adhoc.action.AdhocFailure;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads the master secret with the real SDK from a server answering Secrets Manager's documented JSON. */
class MasterCredentialsTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds-master-AbCdEf";
    private static final String PASSWORD = "s3cr3t-\"quoted\"-'and'-$(more)";

    private final WireMockServer aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final Fixtures.CapturedLog captured = new Fixtures.CapturedLog(true);
    private SecretsManagerClient client;

    @BeforeEach
    void start() {
        aws.start();
        client = SecretsManagerClient.builder()
                .endpointOverride(URI.create(aws.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        aws.stop();
    }

    @Test
    void readsThePasswordAndMasksItAtOnce() throws Exception {
        answer(200, new ObjectMapper().writeValueAsString(java.util.Map.of("ARN", ARN, "Name", "rds-master",
                "SecretString", new ObjectMapper().writeValueAsString(java.util.Map.of("username", "from_secret", "password", PASSWORD)))));

        DatabaseServer server = credentials().read(Fixtures.database("db.internal", 5432, "master", ARN));

        assertThat(server.password()).isEqualTo(PASSWORD);
        assertThat(server.endpoint()).isEqualTo(new DatabaseEndpoint("db.internal", 5432, "master"));
        assertThat(captured.text()).startsWith("::add-mask::" + PASSWORD);
        captured.log.info("password is " + PASSWORD);
        assertThat(captured.text()).endsWith("password is ***\n");
    }

    @Test
    void takesTheUserFromTheSecretWhenTheManifestHasNone() throws Exception {
        answer(200, "{\"ARN\":\"" + ARN + "\",\"SecretString\":\"{\\\"username\\\":\\\"from_secret\\\",\\\"password\\\":\\\"pw-12345\\\"}\"}");
        DatabaseServer server = credentials().read(Fixtures.database("db.internal", 5432, "", ARN));
        assertThat(server.endpoint().username()).isEqualTo("from_secret");
    }

    @Test
    void aSecretThatIsNotJsonIsNeverEchoed() {
        answer(200, "{\"ARN\":\"" + ARN + "\",\"SecretString\":\"plain-password-text\"}");
        assertThatThrownBy(() -> credentials().read(Fixtures.database("db.internal", 5432, "master", ARN)))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-failed");
                    assertThat(f.getMessage()).doesNotContain("plain-password-text").contains("not JSON with username and password");
                });
    }

    @Test
    void aMissingSecretSaysWhichAndWhatToCheck() {
        answer(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}");
        assertThatThrownBy(() -> credentials().read(Fixtures.database("db.internal", 5432, "master", ARN)))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("database-failed");
                    assertThat(f.getMessage()).startsWith("Reading the database master secret " + ARN + " failed: ")
                            .contains("can't find the specified secret").contains("secretsmanager:GetSecretValue");
                });
    }

    @Test
    void aManifestWithoutTheSecretIsRefused() {
        assertThatThrownBy(() -> credentials().read(Fixtures.database("db.internal", 5432, "master", "")))
                .hasMessageContaining("names no database.masterSecretArn");
    }

    private MasterCredentials credentials() {
        return new MasterCredentials(client, new ObjectMapper(), captured.log);
    }

    private void answer(int status, String body) {
        aws.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(ARN)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }
}
