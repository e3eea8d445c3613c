package dev.adhoc.action.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * An environment's own database credentials in Secrets Manager: secret {@code <namePrefix>/<env>/database}
 * with JSON {@code {"username", "password", "host", "port", "dbname"}}, username and dbname being
 * the environment's name. The environment's containers read it (never the master secret). An
 * existing secret keeps its password, so updating a running environment never rotates it. The
 * calls use the workflow's own credentials, on names under the prefix only. Passwords are masked
 * in the job log the moment they are read or made.
 */
public final class EnvironmentSecret {
    private final SecretsManagerClient secrets;
    private final ObjectMapper json;
    private final JobLog log;
    private final String namePrefix;

    public EnvironmentSecret(SecretsManagerClient secrets, ObjectMapper json, JobLog log, String namePrefix) {
        this.secrets = secrets;
        this.json = json;
        this.log = log;
        this.namePrefix = namePrefix;
    }

    /** The environment's credentials as stored; {@link #toString()} never shows the password. */
    public record Credentials(String secretName, String password, boolean created) {
        @Override
        public String toString() {
            return "Credentials[" + secretName + ", password=***, created=" + created + "]";
        }
    }

    public String name(EnvironmentName environment) {
        return namePrefix + "/" + environment + "/database";
    }

    /**
     * The environment's secret, created with {@code newPassword} unless it exists; an existing
     * one keeps its password and is brought up to date with the database's host and port.
     */
    public Credentials ensure(EnvironmentName environment, SharedManifest.Database database, Supplier<String> newPassword) {
        String name = name(environment);
        Optional<String> stored = read(name);
        if (stored.isEmpty()) {
            String password = newPassword.get();
            log.mask(password);
            try {
                secrets.createSecret(r -> r.name(name).secretString(document(environment, database, password))
                        .description("Database credentials of ad hoc environment " + environment + " (adhoc-action)"));
                log.info("Created secret " + name + " with a new password.");
                return new Credentials(name, password, true);
            } catch (ResourceExistsException e) {
                // Another run created it first: its password is the one to use.
                stored = Optional.of(read(name).orElseThrow(() -> failed("Creating", name, e)));
            } catch (SdkException e) {
                throw failed("Creating", name, e);
            }
        }
        Optional<String> kept = password(name, stored.get());
        String password = kept.orElseGet(newPassword);
        log.mask(password);
        String current = document(environment, database, password);
        if (!sameJson(stored.get(), current)) {
            try {
                secrets.putSecretValue(r -> r.secretId(name).secretString(current));
            } catch (SdkException e) {
                throw failed("Updating", name, e);
            }
        }
        if (kept.isPresent()) {
            log.info("Secret " + name + " exists: its password is kept.");
        } else {
            log.warning("Secret " + name + " held no password: a new one is stored.");
        }
        return new Credentials(name, password, false);
    }

    /** Deletes the secret at once (no recovery window); a missing one is a notice. */
    public void delete(EnvironmentName environment) {
        String name = name(environment);
        try {
            // A forced delete of a missing secret succeeds silently; asking first tells the two apart.
            secrets.describeSecret(r -> r.secretId(name));
            secrets.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
            log.info("Deleted secret " + name + ".");
        } catch (ResourceNotFoundException e) {
            log.notice("Secret " + name + " does not exist: nothing to delete.");
        } catch (SdkException e) {
            throw failed("Deleting", name, e);
        }
    }

    private Optional<String> read(String name) {
        try {
            return Optional.of(Objects.requireNonNullElse(secrets.getSecretValue(r -> r.secretId(name)).secretString(), ""));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (InvalidRequestException e) {
            throw new AdhocFailure(FailureReason.DATABASE_SECRET_FAILED, "Reading secret " + name + " failed: " + e.getMessage()
                    + " If it is scheduled for deletion, restore it (aws secretsmanager restore-secret --secret-id " + name
                    + ") or delete it now (aws secretsmanager delete-secret --force-delete-without-recovery --secret-id " + name
                    + "), then run the operation again.", e);
        } catch (SdkException e) {
            throw failed("Reading", name, e);
        }
    }

    /** The stored password, masked at once; empty when the secret holds none (it is then replaced). */
    private Optional<String> password(String name, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Its text may be a password itself: never echo it.
            log.mask(text);
            return Optional.empty();
        }
        String password = node.path("password").asText("");
        if (password.isEmpty()) return Optional.empty();
        log.mask(password);
        return Optional.of(password);
    }

    private String document(EnvironmentName environment, SharedManifest.Database database, String password) {
        ObjectNode node = json.createObjectNode();
        node.put("username", environment.value());
        node.put("password", password);
        node.put("host", database.host());
        node.put("port", database.port());
        node.put("dbname", environment.value());
        return node.toString();
    }

    private boolean sameJson(String stored, String current) {
        try {
            return json.readTree(stored).equals(json.readTree(current));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private AdhocFailure failed(String doing, String name, SdkException e) {
        return new AdhocFailure(FailureReason.DATABASE_SECRET_FAILED, doing + " secret " + name + " failed: " + e.getMessage()
                + " Check that the workflow's role may call secretsmanager:GetSecretValue, DescribeSecret, CreateSecret,"
                + " PutSecretValue and DeleteSecret on secret:" + namePrefix + "/*.", e);
    }
}
