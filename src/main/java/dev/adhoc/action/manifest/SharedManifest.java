package dev.adhoc.action.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What the long-lived shared stack publishes at {@code <prefix>/_shared}: the shared listener,
 * the database server, the bastion and the database-admin task the program needs, the prefix of
 * every per-environment name and the environment names the stack's own names rule out.
 * Fields added in later versions of the shared module have defaults, so an older stack still reads.
 *
 * @param namePrefix               starts every per-environment AWS name and secret name
 * @param reservedEnvironmentNames environment names whose derived names would collide with the
 *                                 shared stack's own (e.g. {@code admin} next to cluster {@code <prefix>-admin})
 * @param loadBalancers            the ALBs environments are placed on; empty from a stack that predates them
 */
public record SharedManifest(
        String name,
        String region,
        String domain,
        String listenerArn,
        Database database,
        Optional<Bastion> bastion,
        Optional<DbAdmin> dbAdmin,
        String namePrefix,
        List<String> reservedEnvironmentNames,
        List<LoadBalancer> loadBalancers) {

    public static final String DEFAULT_NAME_PREFIX = "adhoc";
    private static final Pattern NAME_PREFIX = Pattern.compile("[a-z][a-z0-9]{0,9}");

    public SharedManifest {
        reservedEnvironmentNames = List.copyOf(reservedEnvironmentNames);
        loadBalancers = List.copyOf(loadBalancers);
        if (!NAME_PREFIX.matcher(namePrefix).matches()) {
            throw new IllegalArgumentException("namePrefix '" + namePrefix + "' does not match " + NAME_PREFIX.pattern());
        }
    }

    /** A stack as published before the name prefix, reserved names and load balancers: their defaults. */
    public SharedManifest(String name, String region, String domain, String listenerArn, Database database,
                          Optional<Bastion> bastion, Optional<DbAdmin> dbAdmin) {
        this(name, region, domain, listenerArn, database, bastion, dbAdmin, DEFAULT_NAME_PREFIX, List.of(), List.of());
    }

    /**
     * @param connectionLimit per-environment role connection limit
     * @param maxConnections  the server's max_connections, when the stack publishes it
     */
    public record Database(String host, int port, String username, String masterSecretArn, int connectionLimit,
                           OptionalInt maxConnections) {
        public static final int DEFAULT_CONNECTION_LIMIT = 20;

        public Database {
            if (connectionLimit < 1) throw new IllegalArgumentException("database.connectionLimit " + connectionLimit + " is not positive");
        }

        public Database(String host, int port, String username, String masterSecretArn) {
            this(host, port, username, masterSecretArn, DEFAULT_CONNECTION_LIMIT, OptionalInt.empty());
        }
    }

    public record Bastion(String host, String user) {
    }

    public record DbAdmin(String cluster, String taskDefinition, String container, Network network) {
    }

    public record LoadBalancer(String name, String arn, String listenerArn, String dnsName, String zoneId) {
    }

    /**
     * Refuses an environment name that this stack rules out: one of its reserved environment
     * names, or the database server's master user (the environment's role and database carry
     * its name). Called where the shared manifest is read, before anything changes.
     */
    public void checkEnvironmentName(EnvironmentName environment) {
        String value = environment.value();
        if (reservedEnvironmentNames.contains(value)) {
            throw AdhocFailure.invalidInput("Environment name '" + value + "' is reserved by the shared stack " + name
                    + ": its AWS names (" + namePrefix + "-" + value + ") would collide with the stack's own."
                    + " Choose another environment name.");
        }
        if (value.equals(database.username())) {
            throw AdhocFailure.invalidInput("Environment name '" + value + "' is the database server's master user:"
                    + " the environment's database role would be the master itself. Choose another environment name.");
        }
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
                            Json.text(db, "masterSecretArn", ""),
                            Json.optional(db, "connectionLimit").map(JsonNode::asInt).orElse(Database.DEFAULT_CONNECTION_LIMIT),
                            Json.optional(db, "maxConnections").map(n -> OptionalInt.of(n.asInt())).orElse(OptionalInt.empty())),
                    Json.optional(root, "bastion").map(b -> new Bastion(Json.text(b, "host"), Json.text(b, "user", "ec2-user"))),
                    Json.optional(root, "dbAdmin").map(a -> new DbAdmin(Json.text(a, "cluster"), Json.text(a, "taskDefinition"),
                            Json.text(a, "container", "psql"), Network.from(Json.required(a, "network")))),
                    Json.text(root, "namePrefix", DEFAULT_NAME_PREFIX),
                    Json.strings(root, "reservedEnvironmentNames"),
                    loadBalancers(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<LoadBalancer> loadBalancers(JsonNode root) {
        List<LoadBalancer> result = new ArrayList<>();
        Json.optional(root, "loadBalancers").ifPresent(array -> array.forEach(lb -> result.add(new LoadBalancer(
                Json.text(lb, "name"), Json.text(lb, "arn", ""), Json.text(lb, "listenerArn"), Json.text(lb, "dnsName", ""),
                Json.text(lb, "zoneId", "")))));
        return result;
    }
}
