package dev.adhoc.action.ecs;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * DescribeServices for any number of an environment's services (ECS takes ten per call). A
 * missing cluster or service means the manifest and ECS disagree: a failure naming them.
 */
public final class ServiceDescriptions {
    private static final int PER_CALL = 10;

    private ServiceDescriptions() {
    }

    /** The named services of the manifest's environment (all of them, or those still being waited on). */
    public static List<Service> describe(EcsCalls ecs, Manifest manifest, List<String> names, ServiceField... include) {
        String cluster = manifest.cluster();
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < names.size(); i += PER_CALL) {
            List<String> chunk = names.subList(i, Math.min(names.size(), i + PER_CALL));
            DescribeServicesResponse response;
            try {
                response = ecs.describeServices(r -> r.cluster(cluster).services(chunk).include(include));
            } catch (ClusterNotFoundException e) {
                throw new AdhocFailure(FailureReason.SERVICE_MISSING, "The cluster " + cluster + " of " + manifest.environment()
                        + " does not exist, though its manifest does. Re-apply the environment (operation: create), or destroy it.");
            }
            if (!response.failures().isEmpty()) {
                throw new AdhocFailure(FailureReason.SERVICE_MISSING, "ECS could not describe " + response.failures().stream()
                        .map(f -> f.arn() + " (" + f.reason() + ")").reduce((a, b) -> a + ", " + b).orElse("")
                        + " in cluster " + cluster + ". The manifest of " + manifest.environment()
                        + " names a service that does not exist: re-apply the environment (operation: create).");
            }
            services.addAll(response.services());
        }
        return services;
    }
}
