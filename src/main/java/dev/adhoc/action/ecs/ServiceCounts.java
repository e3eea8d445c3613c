package dev.adhoc.action.ecs;

import java.util.OptionalInt;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * What stop and start need to know about one service: its counts, and the desired count a
 * {@code stop} remembered on it (the {@link StoppedCounts#TAG} tag), if any.
 */
public record ServiceCounts(String service, String arn, int desired, int running, int pending, OptionalInt remembered) {

    public static ServiceCounts of(Service service) {
        OptionalInt remembered = service.tags().stream()
                .filter(t -> StoppedCounts.TAG.equals(t.key()))
                .findFirst()
                .flatMap(t -> StoppedCounts.parse(t.value()))
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        return new ServiceCounts(service.serviceName(), service.serviceArn(), service.desiredCount(), service.runningCount(),
                service.pendingCount(), remembered);
    }

    public boolean stopped() {
        return desired == 0;
    }
}
