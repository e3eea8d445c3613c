package dev.adhoc.action.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The environment manifest: the contract between the terraform environment module and this
 * program. Everything the operations touch is named here; nothing in Java guesses resource names.
 */
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
    public record ExecTarget(String service, String container) {
    }

    public static Manifest parse(String json, ObjectMapper mapper) {
        try {
            JsonNode root = mapper.readTree(json);
            int version = root.path("version").asInt(0);
            if (version != SUPPORTED_VERSION) {
                throw new IllegalArgumentException("manifest version " + version + " is not supported (this program reads version "
                        + SUPPORTED_VERSION + ")");
            }
            return new Manifest(version,
                    Json.text(root, "environment"),
                    Json.text(root, "url"),
                    Json.text(root, "region", ""),
                    Json.text(root, "cluster"),
                    Json.strings(root, "services"),
                    Json.strings(root, "preDeployTasks"),
                    Network.from(Json.required(root, "network")),
                    Json.stringMap(root, "images"),
                    Json.optional(root, "exec").map(e -> new ExecTarget(Json.text(e, "service"), Json.text(e, "container"))),
                    Json.optional(root, "listenerRulePriority").map(p -> OptionalInt.of(p.asInt())).orElse(OptionalInt.empty()),
                    // The load balancer the environment was placed on (by name); absent before stacks had several.
                    Json.optional(root, "loadBalancer").map(JsonNode::asText).filter(s -> !s.isBlank()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
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
