package dev.adhoc.action.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the database server's master credentials from the Secrets Manager secret the shared
 * stack names (JSON with {@code username} and {@code password}, as RDS writes it). The
 * password is masked in the job log the moment it is read.
 */
public final class MasterCredentials {
    private final SecretsManagerClient secrets;
    private final ObjectMapper json;
    private final JobLog log;

    public MasterCredentials(SecretsManagerClient secrets, ObjectMapper json, JobLog log) {
        this.secrets = secrets;
        this.json = json;
        this.log = log;
    }

    /** The server with host and port from the manifest; the user from the manifest, else the secret. */
    public DatabaseServer read(SharedManifest.Database database) {
        String arn = database.masterSecretArn();
        if (arn == null || arn.isBlank()) {
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The shared manifest names no database.masterSecretArn, so the database"
                    + " password cannot be read. Apply the shared stack again so it publishes the secret's ARN.");
        }
        String text;
        try {
            text = secrets.getSecretValue(r -> r.secretId(arn)).secretString();
        } catch (SdkException e) {
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "Reading the database master secret " + arn + " failed: " + e.getMessage()
                    + " Check that the secret exists and that the role may call secretsmanager:GetSecretValue on it"
                    + " (and kms:Decrypt on its key).", e);
        }
        if (text == null || text.isBlank()) {
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The database master secret " + arn + " has no string value.");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Its text may be the password itself: never echo it.
            log.mask(text);
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The database master secret " + arn
                    + " is not JSON with username and password, as RDS writes it.");
        }
        String password = node.path("password").asText("");
        log.mask(password);
        if (password.isEmpty()) {
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The database master secret " + arn + " has no 'password' field.");
        }
        String username = database.username() == null || database.username().isBlank()
                ? node.path("username").asText("") : database.username();
        try {
            return new DatabaseServer(new DatabaseEndpoint(database.host(), database.port(), username), password);
        } catch (IllegalArgumentException e) {
            throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The database server is not fully described: " + e.getMessage()
                    + ". Check the shared manifest's database entry and the master secret " + arn + ".");
        }
    }
}
