package dev.adhoc.action.ecs;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.util.Backoff;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.runtime.JobLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * An environment's services: described with their tags, scaled, and waited on until their counts settle.
 *
 * <p>The SDK's {@code EcsWaiter.waitUntilServicesStable} is not used: it waits for the desired
 * count, not the counts asked for here, ignores pending tasks, prints no progress, and polls every 15 s.
 */
public final class EnvironmentServices {
    private final EcsCalls ecs;
    private final JobLog log;
    private final Poll poll;

    public EnvironmentServices(EcsCalls ecs, JobLog log, Poll poll) {
        this.ecs = ecs;
        this.log = log;
        this.poll = poll;
    }

    /** The manifest's services as they are now, tags included. A service that does not exist is a failure naming it. */
    public List<Service> describe(Manifest manifest) {
        return ServiceDescriptions.describe(ecs, manifest, manifest.services(), ServiceField.TAGS);
    }

    public List<ServiceCounts> counts(Manifest manifest) {
        return describe(manifest).stream().map(ServiceCounts::of).toList();
    }

    public void scale(String cluster, String service, int desiredCount) {
        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(desiredCount));
    }

    /**
     * Waits until every service in {@code targets} (name → desired count) runs exactly that many
     * tasks with none pending, printing each as it gets there; bounded by the deadline.
     */
    public void awaitCounts(Manifest manifest, Map<String, Integer> targets, Deadline deadline) {
        Map<String, Integer> pending = new LinkedHashMap<>(targets);
        Map<String, ServiceCounts> lastSeen = new LinkedHashMap<>();
        boolean reached = poll.until(() -> {
            if (pending.isEmpty()) return true;
            for (ServiceCounts service : counts(manifest)) {
                Integer target = pending.get(service.service());
                if (target == null) continue;
                lastSeen.put(service.service(), service);
                if (service.running() == target && service.pending() == 0) {
                    pending.remove(service.service());
                    log.info("✓ " + service.service() + " runs " + target + (target == 1 ? " task" : " tasks"));
                }
            }
            return pending.isEmpty();
        }, deadline, Backoff.polling());
        if (reached) return;
        List<String> states = new ArrayList<>();
        pending.forEach((name, target) -> {
            ServiceCounts seen = lastSeen.get(name);
            states.add(name + " (" + (seen == null ? "not described" : seen.running() + " running") + ", want " + target + ")");
        });
        throw new AdhocFailure(FailureReason.TIMEOUT, "Services of " + manifest.environment() + " did not reach their task counts within "
                + "wait-timeout (" + Durations.format(deadline.budget()) + "): " + String.join("; ", states)
                + ". ECS keeps scaling; check the service events in the ECS console, or raise wait-timeout.");
    }
}
