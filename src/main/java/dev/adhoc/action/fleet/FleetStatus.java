package dev.adhoc.action.fleet;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.Parallel;
import dev.adhoc.action.ecs.EcsCalls;
import dev.adhoc.action.ecs.RunningImages;
import dev.adhoc.action.ecs.ServiceDescriptions;
import dev.adhoc.action.ecs.ServiceRollout;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/**
 * Reads the state of every environment under a manifest prefix: services (ten per
 * DescribeServices call), the task definitions they run (each described once, however many
 * services share it) and when each manifest was first published. Environments are read a
 * handful at a time; one that cannot be read shows as {@code unknown} instead of failing the list.
 */
public final class FleetStatus {

    private final EcsCalls ecs;
    private final SsmClient ssm;
    private final JobLog log;
    private final Map<String, TaskDefinition> taskDefinitions = new ConcurrentHashMap<>();

    public FleetStatus(EcsCalls ecs, SsmClient ssm, JobLog log) {
        this.ecs = ecs;
        this.ssm = ssm;
        this.log = log;
    }


    public List<EnvironmentStatus> read(ManifestStore store) {
        // A few environments at a time: each costs a handful of independent AWS calls.
        return new ArrayList<>(Parallel.map(store.list(log::warning), stored ->
                status(stored, store.parameterName(EnvironmentName.of(stored.manifest().environment())))).values());
    }

    EnvironmentStatus status(ManifestStore.Stored stored, String parameterName) {
        Manifest manifest = stored.manifest();
        Instant created = created(parameterName).orElse(stored.lastModified());
        List<Service> services;
        try {
            services = ServiceDescriptions.describe(ecs, manifest, manifest.services(), ServiceField.TAGS);
        } catch (AdhocFailure | SdkException e) {
            return new EnvironmentStatus(manifest.environment(), manifest.url(), EnvironmentStatus.State.UNKNOWN, Map.of(), created,
                    Optional.empty(), 0, 0, Optional.of(e.getMessage()), manifest.loadBalancer());
        }
        int running = services.stream().mapToInt(Service::runningCount).sum();
        int desired = services.stream().mapToInt(Service::desiredCount).sum();
        Optional<Instant> lastDeploy = services.stream()
                .map(s -> ServiceRollout.primary(s).map(Deployment::createdAt).orElse(null))
                .filter(Objects::nonNull)
                .max(Instant::compareTo);
        return new EnvironmentStatus(manifest.environment(), manifest.url(), state(services), images(manifest, services), created,
                lastDeploy, running, desired, Optional.empty(), manifest.loadBalancer());
    }

    /**
     * The first version's time in the parameter's history: the manifest is rewritten on every
     * apply, so its last-modified time says when the environment was last changed, not made.
     * SSM keeps the last 100 versions; past that (or without permission) the oldest we can see is used.
     */
    Optional<Instant> created(String parameterName) {
        try {
            return ssm.getParameterHistoryPaginator(r -> r.name(parameterName)).stream()
                    .flatMap(page -> page.parameters().stream())
                    .map(ParameterHistory::lastModifiedDate)
                    .filter(Objects::nonNull)
                    .min(Instant::compareTo);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> images(Manifest manifest, List<Service> services) {
        return versionsShown(RunningImages.byRole(manifest, services.stream().map(s -> taskDefinition(s.taskDefinition())).toList()));
    }

    /** Role → every version (tag or digest; "latest" for neither) of its images, sorted and comma-separated: what {@code list} shows. */
    static Map<String, String> versionsShown(List<RunningImages.RoleImage> images) {
        Map<String, TreeSet<String>> versions = new TreeMap<>();
        images.forEach(found -> versions.computeIfAbsent(found.role(), r -> new TreeSet<>()).add(found.image().version().orElse("latest")));
        Map<String, String> result = new TreeMap<>();
        versions.forEach((role, set) -> result.put(role, String.join(", ", set)));
        return result;
    }

    private TaskDefinition taskDefinition(String arn) {
        return taskDefinitions.computeIfAbsent(arn, a -> ecs.describeTaskDefinition(r -> r.taskDefinition(a)).taskDefinition());
    }

    static EnvironmentStatus.State state(List<Service> services) {
        boolean deploying = services.stream().anyMatch(s -> s.deployments().size() > 1
                || ServiceRollout.primary(s).map(d -> "IN_PROGRESS".equals(d.rolloutStateAsString())).orElse(false));
        if (deploying) return EnvironmentStatus.State.DEPLOYING;
        int running = services.stream().mapToInt(Service::runningCount).sum();
        int desired = services.stream().mapToInt(Service::desiredCount).sum();
        if (desired == 0 && running == 0) return EnvironmentStatus.State.STOPPED;
        boolean allUp = services.stream().allMatch(s -> s.desiredCount() > 0 && s.runningCount() == s.desiredCount());
        return allUp ? EnvironmentStatus.State.RUNNING : EnvironmentStatus.State.PARTIALLY_RUNNING;
    }
}
