package dev.adhoc.action.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What the long-lived shared stack publishes at {@code <prefix>/_shared}: the shared listener,
 * the database server, the bastion and the database-admin task the program needs, the prefix of
 * every per-environment name and the environment names the stack's own names rule out.
 * Fields added in later versions of the shared module have defaults, so an older stack still reads;
 * fields this program does not know are ignored, so a newer stack does too.
 *
 * @param namePrefix               starts every per-environment AWS name and secret name
 * @param reservedEnvironmentNames environment names whose derived names would collide with the
 *                                 shared stack's own (e.g. {@code admin} next to cluster {@code <prefix>-admin})
 * @param loadBalancers            the ALBs environments are placed on; empty from a stack that predates them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /**
     * @param connectionLimit per-environment role connection limit
     * @param maxConnections  the server's max_connections, when the stack publishes it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Database(String host, int port, String username, String masterSecretArn, int connectionLimit,
                           OptionalInt maxConnections) {
        /**
         * For a stack that publishes no {@code connectionLimit}: the default of the shared module's
         * {@code db_connection_limit_per_environment} (terraform/modules/shared/variables.tf).
         */
        public static final int DEFAULT_CONNECTION_LIMIT = 5;
        public static final int DEFAULT_PORT = 5432;

        public Database {
            if (connectionLimit < 1) throw new IllegalArgumentException("database.connectionLimit " + connectionLimit + " is not positive");
        }

        @JsonCreator
        static Database fromJson(@JsonProperty("host") String host, @JsonProperty("port") Integer port,
                                 @JsonProperty("username") String username, @JsonProperty("masterSecretArn") String masterSecretArn,
                                 @JsonProperty("connectionLimit") Integer connectionLimit,
                                 @JsonProperty("maxConnections") Integer maxConnections) {
            return new Database(Json.required(host, "host"), Json.orDefault(port, DEFAULT_PORT), Json.required(username, "username"),
                    Json.orDefault(masterSecretArn, ""), Json.orDefault(connectionLimit, DEFAULT_CONNECTION_LIMIT),
                    maxConnections == null ? OptionalInt.empty() : OptionalInt.of(maxConnections));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bastion(String host, String user) {
        @JsonCreator
        static Bastion fromJson(@JsonProperty("host") String host, @JsonProperty("user") String user) {
            return new Bastion(Json.required(host, "host"), Json.orDefault(user, "ec2-user"));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DbAdmin(String cluster, String taskDefinition, String container, Network network) {
        @JsonCreator
        static DbAdmin fromJson(@JsonProperty("cluster") String cluster, @JsonProperty("taskDefinition") String taskDefinition,
                                @JsonProperty("container") String container, @JsonProperty("network") Network network) {
            return new DbAdmin(Json.required(cluster, "cluster"), Json.required(taskDefinition, "taskDefinition"),
                    Json.orDefault(container, "psql"), Json.required(network, "network"));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LoadBalancer(String name, String arn, String listenerArn, String dnsName, String zoneId) {
        @JsonCreator
        static LoadBalancer fromJson(@JsonProperty("name") String name, @JsonProperty("arn") String arn,
                                     @JsonProperty("listenerArn") String listenerArn, @JsonProperty("dnsName") String dnsName,
                                     @JsonProperty("zoneId") String zoneId) {
            return new LoadBalancer(Json.required(name, "name"), Json.orDefault(arn, ""), Json.required(listenerArn, "listenerArn"),
                    Json.orDefault(dnsName, ""), Json.orDefault(zoneId, ""));
        }
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

    @JsonCreator
    static SharedManifest fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("region") String region,
            @JsonProperty("domain") String domain,
            @JsonProperty("listenerArn") String listenerArn,
            @JsonProperty("database") Database database,
            @JsonProperty("bastion") Bastion bastion,
            @JsonProperty("dbAdmin") DbAdmin dbAdmin,
            @JsonProperty("namePrefix") String namePrefix,
            @JsonProperty("reservedEnvironmentNames") List<String> reservedEnvironmentNames,
            @JsonProperty("loadBalancers") List<LoadBalancer> loadBalancers) {
        return new SharedManifest(
                Json.orDefault(name, "adhoc"),
                Json.orDefault(region, ""),
                Json.orDefault(domain, ""),
                Json.orDefault(listenerArn, ""),
                Json.required(database, "database"),
                Optional.ofNullable(bastion),
                Optional.ofNullable(dbAdmin),
                Json.orDefault(namePrefix, DEFAULT_NAME_PREFIX),
                Json.orEmpty(reservedEnvironmentNames),
                Json.orEmpty(loadBalancers));
    }

    public static SharedManifest parse(String json, ObjectMapper mapper) {
        return Json.read(Json.tree(json, mapper), SharedManifest.class, mapper);
    }
}
