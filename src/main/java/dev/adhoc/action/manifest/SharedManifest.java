package dev.adhoc.action.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What the long-lived shared stack publishes at {@code <prefix>/_shared}: the shared listener,
 * the database server, the bastion and the database-admin task the program needs.
 */
public record SharedManifest(
        String name,
        String region,
        String domain,
        String listenerArn,
        Database database,
        Optional<Bastion> bastion,
        Optional<DbAdmin> dbAdmin) {

    public record Database(String host, int port, String username, String masterSecretArn) {
    }

    public record Bastion(String host, String user) {
    }

    public record DbAdmin(String cluster, String taskDefinition, String container, Network network) {
    }

    public static SharedManifest parse(String json, ObjectMapper mapper) {
        try {
            JsonNode root = mapper.readTree(json);
            JsonNode db = Json.required(root, "database");
            return new SharedManifest(
                    Json.text(root, "name", "adhoc"),
                    Json.text(root, "region", ""),
                    Json.text(root, "domain", ""),
                    Json.text(root, "listenerArn", ""),
                    new Database(Json.text(db, "host"), db.path("port").asInt(5432), Json.text(db, "username"),
                            Json.text(db, "masterSecretArn", "")),
                    Json.optional(root, "bastion").map(b -> new Bastion(Json.text(b, "host"), Json.text(b, "user", "ec2-user"))),
                    Json.optional(root, "dbAdmin").map(a -> new DbAdmin(Json.text(a, "cluster"), Json.text(a, "taskDefinition"),
                            Json.text(a, "container", "psql"), Network.from(Json.required(a, "network")))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
