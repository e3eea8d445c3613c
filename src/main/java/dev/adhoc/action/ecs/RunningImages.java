package dev.adhoc.action.ecs;

import dev.adhoc.action.aws.Parallel;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The images an environment's task definitions run, by manifest role (backend, frontend): a
 * container is a role's when its image's repository is the one the manifest gives that role.
 */
public final class RunningImages {
    private final EcsCalls ecs;

    public RunningImages(EcsCalls ecs) {
        this.ecs = ecs;
    }

    /** One container's image, of a role's repository, and the container's name. */
    public record RoleImage(String role, String container, ImageReference image) {
    }

    /**
     * Role → tag or digest the services run now, for the roles whose repository some service's
     * container runs: what a terraform apply must be given so it never rolls back what {@code deploy} rolled out.
     */
    public Map<String, String> of(Manifest manifest) {
        List<Service> services = ServiceDescriptions.describe(ecs, manifest, manifest.services());
        List<String> arns = new ArrayList<>(new LinkedHashSet<>(services.stream().map(Service::taskDefinition).toList()));
        Map<String, TaskDefinition> definitions = Parallel.map(arns,
                arn -> ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition());
        return versions(manifest, definitions.values());
    }

    /** Role → the first tag or digest met in these task definitions (an image with neither is skipped). */
    static Map<String, String> versions(Manifest manifest, Iterable<TaskDefinition> definitions) {
        Map<String, String> versions = new LinkedHashMap<>();
        byRole(manifest, definitions).forEach(found -> found.image().version().ifPresent(v -> versions.putIfAbsent(found.role(), v)));
        return versions;
    }

    /** Every container image of a role's repository in these task definitions, in the order met. */
    public static List<RoleImage> byRole(Manifest manifest, Iterable<TaskDefinition> definitions) {
        List<RoleImage> found = new ArrayList<>();
        for (TaskDefinition definition : definitions) {
            for (ContainerDefinition container : definition.containerDefinitions()) {
                ImageReference image = ImageReference.parse(container.image());
                manifest.images().forEach((role, repository) -> {
                    if (repository.equals(image.repository())) found.add(new RoleImage(role, container.name(), image));
                });
            }
        }
        return found;
    }
}
