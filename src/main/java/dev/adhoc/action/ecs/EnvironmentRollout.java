package dev.adhoc.action.ecs;

import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.aws.Parallel;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.ImageTag;
import dev.adhoc.action.runtime.JobLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * Rolls an environment (as its manifest describes it) onto new images: new task-definition
 * revisions → pre-deploy tasks → services → one combined wait. {@code deploy} and {@code create}
 * share it: create runs only the last two steps on what terraform applied.
 */
public final class EnvironmentRollout {
    private final EcsCalls ecs;
    private final JobLog log;
    private final OneOffTasks tasks;
    private final ServiceRollout services;

    public EnvironmentRollout(EcsCalls ecs, CloudWatchLogsClient logs, JobLog log, Poll poll) {
        this.ecs = ecs;
        this.log = log;
        this.tasks = new OneOffTasks(ecs, logs, log, poll);
        this.services = new ServiceRollout(ecs, logs, log, poll);
    }

    /** One service's line in the report. */
    public record ServiceChange(String service, String fromImages, String toImages, String taskDefinitionArn, Duration took) {
    }

    /**
     * What a rollout did. {@code taskDefinitions}: family → ARN in use afterwards; {@code images}:
     * role → the version (tag or digest) the services run afterwards.
     */
    public record Outcome(List<ServiceChange> services, List<TaskResult> preDeployTasks, Map<String, String> taskDefinitions,
            Map<String, String> images) {
    }

    /**
     * Rolls {@code tagsByRepository} out: only containers whose image repository is a key change.
     * A failing pre-deploy task stops the rollout before any service changes.
     */
    public Outcome deploy(Manifest manifest, Map<String, ImageTag> tagsByRepository, Deadline deadline, Phases phases) {
        String cluster = manifest.cluster();
        List<Service> before = services.describeAll(manifest);
        if (!before.isEmpty() && before.stream().allMatch(s -> s.desiredCount() == 0)) {
            // ECS completes a deployment of zero tasks at once; say why nothing will be seen running.
            log.notice("Environment " + manifest.environment() + " is stopped (every service at 0 tasks): the new images are "
                    + "rolled out to its services and run when it is started again (operation: start).");
        }
        Map<String, String> serviceDefinitionArns = before.stream()
                .collect(Collectors.toMap(Service::serviceName, Service::taskDefinition, (a, b) -> a, LinkedHashMap::new));

        // Every task definition in use (services' current revisions, the pre-deploy families' latest), described once.
        List<String> references = new ArrayList<>(new LinkedHashSet<>(serviceDefinitionArns.values()));
        references.addAll(manifest.preDeployTasks());
        Map<String, DescribeTaskDefinitionResponse> described = Parallel.map(references, this::describe);

        Map<String, TaskDefinitionRevision.Next> next = new LinkedHashMap<>();
        described.forEach((reference, response) -> TaskDefinitionRevision
                .withImages(response.taskDefinition(), response.tags(), tagsByRepository)
                .ifPresent(n -> next.put(reference, n)));
        Map<String, TaskDefinition> registered = log.group("Register task definitions", () -> {
            if (next.isEmpty()) log.info("No container uses the images being rolled out: nothing to register.");
            Map<String, TaskDefinition> result = Parallel.map(new ArrayList<>(next.keySet()),
                    reference -> ecs.registerTaskDefinition(next.get(reference).request()).taskDefinition());
            result.forEach((reference, definition) -> next.get(reference).changes().forEach(change ->
                    log.info(definition.family() + ":" + definition.revision() + "  " + change.container() + ": " + change.from() + " → "
                            + change.to())));
            return result;
        });
        Function<String, TaskDefinition> current = reference ->
                Optional.ofNullable(registered.get(reference)).orElse(described.get(reference).taskDefinition());

        List<TaskResult> preDeploy = List.of();
        boolean preDeployChanged = manifest.preDeployTasks().stream().anyMatch(registered::containsKey);
        if (preDeployChanged) {
            List<TaskDefinition> definitions = manifest.preDeployTasks().stream().map(current).toList();
            preDeploy = phases.phase("migrations", () -> runPreDeployTasks(manifest, definitions, deadline));
        }

        Map<String, String> updates = new LinkedHashMap<>();
        serviceDefinitionArns.forEach((service, arn) -> {
            if (registered.containsKey(arn)) updates.put(service, registered.get(arn).taskDefinitionArn());
        });
        List<ServiceRollout.Completed> completed = phases.phase("rollout", () -> log.group("Roll out services", () -> {
            if (updates.isEmpty()) {
                log.info("No service runs the images being rolled out: no service changes.");
                return List.<ServiceRollout.Completed>of();
            }
            services.update(cluster, updates);
            return services.await(manifest, updates, before, deadline);
        }));

        List<ServiceChange> rows = new ArrayList<>();
        for (ServiceRollout.Completed done : completed) {
            String oldArn = serviceDefinitionArns.get(done.service());
            List<TaskDefinitionRevision.ImageChange> changes = next.get(oldArn).changes();
            rows.add(new ServiceChange(done.service(),
                    changes.stream().map(TaskDefinitionRevision.ImageChange::from).distinct().collect(Collectors.joining(", ")),
                    changes.stream().map(TaskDefinitionRevision.ImageChange::to).distinct().collect(Collectors.joining(", ")),
                    done.taskDefinitionArn(), done.took()));
        }
        Map<String, String> inUse = new LinkedHashMap<>();
        references.forEach(reference -> {
            TaskDefinition definition = current.apply(reference);
            inUse.put(definition.family(), definition.taskDefinitionArn());
        });
        List<TaskDefinition> serviceDefinitions = serviceDefinitionArns.values().stream().distinct().map(current).toList();
        return new Outcome(rows, preDeploy, inUse, RunningImages.versions(manifest, serviceDefinitions));
    }

    /**
     * After terraform has applied: runs the pre-deploy tasks (their latest revisions) and waits
     * until every service's primary deployment is complete.
     */
    public Outcome settle(Manifest manifest, Deadline deadline, Phases phases) {
        List<Service> before = services.describeAll(manifest);
        List<String> serviceDefinitionArns = before.stream().map(Service::taskDefinition).distinct().toList();
        // The pre-deploy families' latest revisions and the services' current ones, described once.
        List<String> references = new ArrayList<>(manifest.preDeployTasks());
        references.addAll(serviceDefinitionArns);
        Map<String, TaskDefinition> described = new LinkedHashMap<>();
        Parallel.map(references, this::describe).forEach((reference, response) -> described.put(reference, response.taskDefinition()));
        List<TaskResult> preDeploy = phases.phase("migrations", () -> runPreDeployTasks(manifest,
                manifest.preDeployTasks().stream().map(described::get).toList(), deadline));
        Map<String, String> expected = new LinkedHashMap<>();
        before.forEach(s -> expected.put(s.serviceName(), s.taskDefinition()));
        List<ServiceRollout.Completed> completed = phases.phase("rollout",
                () -> log.group("Wait for services", () -> services.await(manifest, expected, List.of(), deadline)));
        Map<String, String> inUse = new LinkedHashMap<>();
        described.values().forEach(d -> inUse.put(d.family(), d.taskDefinitionArn()));
        List<ServiceChange> rows = completed.stream()
                .map(c -> new ServiceChange(c.service(), "", "", c.taskDefinitionArn(), c.took())).toList();
        return new Outcome(rows, preDeploy, inUse,
                RunningImages.versions(manifest, serviceDefinitionArns.stream().map(described::get).toList()));
    }

    private List<TaskResult> runPreDeployTasks(Manifest manifest, List<TaskDefinition> definitions, Deadline deadline) {
        List<TaskResult> results = new ArrayList<>();
        for (TaskDefinition definition : definitions) {
            TaskResult result = log.group("Pre-deploy task " + definition.family() + ":" + definition.revision(), () ->
                    tasks.run(manifest.cluster(), definition, manifest.network(), Optional.empty(), deadline));
            results.add(result);
            if (!result.succeeded()) {
                throw new RolloutFailure(FailureReason.PRE_DEPLOY_FAILED, "pre-deploy task " + definition.family(),
                        "Pre-deploy task " + definition.family() + " failed: " + result.describe()
                                + ". No service was changed; the environment still runs the previous images. "
                                + "Fix the task (its log is in the group above) and deploy again.",
                        List.of(), List.of(result.describe()), result.lastLogLines());
            }
            log.info("✓ " + definition.family() + " succeeded (" + Durations.format(result.duration()) + ")");
        }
        return results;
    }

    private DescribeTaskDefinitionResponse describe(String reference) {
        return ecs.describeTaskDefinition(r -> r.taskDefinition(reference).include(TaskDefinitionField.TAGS));
    }
}
