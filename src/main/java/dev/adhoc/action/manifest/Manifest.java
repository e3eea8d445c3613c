package dev.adhoc.action.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The environment manifest: the contract between the terraform environment module and this
 * program. Everything the operations touch is named here; nothing in Java guesses resource names.
 * Fields a newer module adds are ignored, so an older program still reads its manifests.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
        int version,
        String environment,
        String url,
        String region,
        String cluster,
        List<String> services,
        List<String> preDeployTasks,
        Network network,
        Map<String, String> images,
        Optional<ExecTarget> exec,
        OptionalInt listenerRulePriority,
        Optional<String> loadBalancer) {

    public static final int SUPPORTED_VERSION = 1;
    public static final String BACKEND = "backend";
    public static final String FRONTEND = "frontend";

    public Manifest {
        services = List.copyOf(services);
        preDeployTasks = List.copyOf(preDeployTasks);
        images = Map.copyOf(images);
    }

    /** The container to open a shell in with ECS Exec. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExecTarget(String service, String container) {
        @JsonCreator
        static ExecTarget fromJson(@JsonProperty("service") String service, @JsonProperty("container") String container) {
            return new ExecTarget(Json.required(service, "service"), Json.required(container, "container"));
        }
    }

    @JsonCreator
    static Manifest fromJson(
            @JsonProperty("version") int version,
            @JsonProperty("environment") String environment,
            @JsonProperty("url") String url,
            @JsonProperty("region") String region,
            @JsonProperty("cluster") String cluster,
            @JsonProperty("services") List<String> services,
            @JsonProperty("preDeployTasks") List<String> preDeployTasks,
            @JsonProperty("network") Network network,
            @JsonProperty("images") Map<String, String> images,
            @JsonProperty("exec") ExecTarget exec,
            @JsonProperty("listenerRulePriority") Integer listenerRulePriority,
            @JsonProperty("loadBalancer") String loadBalancer) {
        return new Manifest(version,
                Json.required(environment, "environment"),
                Json.required(url, "url"),
                Json.orDefault(region, ""),
                Json.required(cluster, "cluster"),
                Json.orEmpty(services),
                Json.orEmpty(preDeployTasks),
                Json.required(network, "network"),
                Json.orEmpty(images),
                Optional.ofNullable(exec),
                listenerRulePriority == null ? OptionalInt.empty() : OptionalInt.of(listenerRulePriority),
                // The load balancer the environment was placed on (by name); absent before stacks had several.
                Optional.ofNullable(loadBalancer).filter(name -> !name.isBlank()));
    }

    public static Manifest parse(String json, ObjectMapper mapper) {
        JsonNode document = Json.tree(json, mapper);
        // The version decides how the rest reads, so it is checked before any other field.
        int version = document.path("version").asInt(0);
        if (version != SUPPORTED_VERSION) {
            throw new IllegalArgumentException("manifest version " + version + " is not supported (this program reads version "
                    + SUPPORTED_VERSION + ")");
        }
        return Json.read(document, Manifest.class, mapper);
    }

    public Optional<String> imageRepository(String role) {
        return Optional.ofNullable(images.get(role));
    }

    /** The one command that opens a Django shell in the environment, when the module names an exec target. */
    public Optional<String> shellCommand() {
        return exec.map(target -> "aws ecs execute-command --region " + region + " --cluster " + cluster
                + " --task $(aws ecs list-tasks --region " + region + " --cluster " + cluster + " --service-name " + target.service()
                + " --query 'taskArns[0]' --output text) --container " + target.container()
                + " --interactive --command \"python manage.py shell\"");
    }
}
