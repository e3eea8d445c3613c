package dev.adhoc.action.ecs;

import dev.adhoc.action.aws.Parallel;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The image versions an environment's services run now, by manifest role (backend, frontend):
 * what a terraform apply must be given so it never rolls back what {@code deploy} rolled out.
 */
public final class RunningImages {
    private final EcsClient ecs;

    public RunningImages(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** Role → tag or digest, for the roles whose repository some service's container runs. */
    public Map<String, String> of(Manifest manifest) {
        List<Service> services = ServiceDescriptions.describe(ecs, manifest, manifest.services());
        List<String> arns = new ArrayList<>(new LinkedHashSet<>(services.stream().map(Service::taskDefinition).toList()));
        Map<String, TaskDefinition> definitions = Parallel.map(arns,
                arn -> ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition());
        return versions(manifest, definitions.values());
    }

    static Map<String, String> versions(Manifest manifest, Iterable<TaskDefinition> definitions) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (TaskDefinition definition : definitions) {
            for (ContainerDefinition container : definition.containerDefinitions()) {
                ImageReference image = ImageReference.parse(container.image());
                manifest.images().forEach((role, repository) -> {
                    if (repository.equals(image.repository())) image.version().ifPresent(v -> versions.putIfAbsent(role, v));
                });
            }
        }
        return versions;
    }
}
