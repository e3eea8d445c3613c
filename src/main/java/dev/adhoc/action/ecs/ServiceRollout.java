package dev.adhoc.action.ecs;

import dev.adhoc.action.util.Backoff;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.aws.Parallel;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.logs.LogTail;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.runtime.JobLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Points services at new task definitions (in parallel) and waits for all of them in one loop.
 * A service is done when its PRIMARY deployment runs the expected revision, is COMPLETED and is
 * the only deployment left; it has failed when that deployment FAILED (the circuit breaker rolls
 * it back) or another deployment replaced it before it completed. New service events are printed as they arrive.
 *
 * <p>The SDK's {@code EcsWaiter.waitUntilServicesStable} is not used: "stable" (one deployment,
 * running = desired) knows neither the revision we rolled out nor the circuit breaker, so a
 * rollback would count as done; nor does it print events between checks or wait on our injected clock.
 */
public final class ServiceRollout {

    private final EcsCalls ecs;
    private final CloudWatchLogsClient logs;
    private final JobLog log;
    private final Poll poll;

    public ServiceRollout(EcsCalls ecs, CloudWatchLogsClient logs, JobLog log, Poll poll) {
        this.ecs = ecs;
        this.logs = logs;
        this.log = log;
        this.poll = poll;
    }

    /** A service finished rolling out, and when. */
    public record Completed(String service, String taskDefinitionArn, Duration took) {
    }

    /** UpdateService for every entry (service → task definition ARN), concurrently. */
    public void update(String cluster, Map<String, String> taskDefinitionByService) {
        Parallel.map(new ArrayList<>(taskDefinitionByService.keySet()), service ->
                ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(taskDefinitionByService.get(service))));
        taskDefinitionByService.forEach((service, arn) -> log.info("Updated " + service + " → " + revisionName(arn)));
    }

    /**
     * Waits until every service (→ the task definition it must end up on; null = whatever its
     * primary deployment runs) is complete, printing new events. Fails on the first failed service,
     * with the reasons, or when the deadline passes, naming what was still pending.
     */
    public List<Completed> await(Manifest manifest, Map<String, String> expected, List<Service> before, Deadline deadline) {
        String cluster = manifest.cluster();
        Instant started = poll.now();
        Map<String, String> pending = new LinkedHashMap<>(expected);
        // Events that were there before this rollout are history, not news.
        Set<String> seenEvents = new HashSet<>();
        before.forEach(s -> s.events().forEach(e -> seenEvents.add(e.id())));
        Map<String, Service> lastSeen = new HashMap<>();
        List<Completed> completed = new ArrayList<>();
        boolean done = poll.until(() -> {
            if (pending.isEmpty()) return true;
            for (Service service : ServiceDescriptions.describe(ecs, manifest, new ArrayList<>(pending.keySet()))) {
                String name = service.serviceName();
                lastSeen.put(name, service);
                printNewEvents(service, seenEvents);
                String target = pending.get(name);
                if (target == null) target = primary(service).map(Deployment::taskDefinition).orElse(null);
                Optional<Failed> failure = failure(service, target);
                if (failure.isPresent()) throw failed(cluster, service, target, failure.get());
                if (isComplete(service, target)) {
                    Duration took = Duration.between(started, poll.now());
                    completed.add(new Completed(name, target, took));
                    pending.remove(name);
                    log.info("✓ " + name + " is running " + revisionName(target) + " (" + Durations.format(took) + ")");
                }
            }
            return pending.isEmpty();
        }, deadline, Backoff.polling());
        if (!done) throw timedOut(pending, lastSeen, deadline);
        return completed;
    }

    public static Optional<Deployment> primary(Service service) {
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
    }

    static boolean isComplete(Service service, String target) {
        Optional<Deployment> primary = primary(service);
        return primary.isPresent() && service.deployments().size() == 1
                && "COMPLETED".equals(primary.get().rolloutStateAsString())
                && (target == null || target.equals(primary.get().taskDefinition()));
    }

    /**
     * Why a rollout ended without completing, and what to do: {@code ownTasks} when the deployment
     * itself failed, so the tasks it stopped explain why; otherwise it was replaced and they explain nothing.
     */
    record Failed(String why, String whatToDo, boolean ownTasks) {
    }

    /** Why the rollout of {@code service} to {@code target} failed, if it did. */
    static Optional<Failed> failure(Service service, String target) {
        String name = service.serviceName();
        for (Deployment d : service.deployments()) {
            if ("FAILED".equals(d.rolloutStateAsString()) && (target == null || target.equals(d.taskDefinition()))) {
                return Optional.of(new Failed(d.rolloutStateReason() == null ? "the deployment failed" : d.rolloutStateReason(),
                        "See 'Why " + name + " failed' above for events and log lines; fix the image and deploy again.", true));
            }
        }
        Optional<Deployment> primary = primary(service);
        if (target != null && primary.isPresent() && !target.equals(primary.get().taskDefinition())
                && service.deployments().stream().noneMatch(d -> target.equals(d.taskDefinition()))) {
            String now = revisionName(primary.get().taskDefinition());
            return Optional.of(new Failed("another deployment, to " + now + ", replaced it before it completed"
                    + " (most likely a newer deploy of this environment)",
                    "Check who deployed " + now + " (the service's events are under 'Why " + name + " failed' above)"
                            + " and deploy again if " + revisionName(target) + " should be running.", false));
        }
        return Optional.empty();
    }

    private void printNewEvents(Service service, Set<String> seenEvents) {
        service.events().stream()
                .filter(e -> seenEvents.add(e.id()))
                .sorted(Comparator.comparing(ServiceEvent::createdAt))
                .forEach(e -> log.info(service.serviceName() + " | " + e.message()));
    }

    /** The services as they are now (their task definitions, deployments and events so far). */
    public List<Service> describeAll(Manifest manifest) {
        return ServiceDescriptions.describe(ecs, manifest, manifest.services());
    }

    private RolloutFailure failed(String cluster, Service service, String target, Failed failure) {
        String name = service.serviceName();
        String why = failure.why();
        List<String> events = service.events().stream().limit(10).map(e -> e.createdAt() + " " + e.message()).toList();
        List<String> stoppedReasons = new ArrayList<>();
        List<String> lastLines = new ArrayList<>();
        List<Task> stopped = failure.ownTasks() ? stoppedTasks(cluster, name, target) : List.of();
        for (Task task : stopped) {
            StringBuilder reason = new StringBuilder(ContainerLogs.taskId(task.taskArn()) + ": " + task.stoppedReason());
            task.containers().forEach(c -> {
                if (c.exitCode() != null || c.reason() != null) {
                    reason.append("; ").append(c.name()).append(c.exitCode() == null ? "" : " exit " + c.exitCode())
                            .append(c.reason() == null ? "" : " (" + c.reason() + ")");
                }
            });
            stoppedReasons.add(reason.toString());
        }
        if (!stopped.isEmpty()) lastLines.addAll(lastLogLines(stopped.get(0)));
        log.group("Why " + name + " failed", () -> {
            log.info("Deployment: " + why);
            log.info("Recent events:");
            events.forEach(e -> log.info("  " + e));
            if (!stoppedReasons.isEmpty()) {
                log.info("Stopped tasks:");
                stoppedReasons.forEach(r -> log.info("  " + r));
            }
            if (!lastLines.isEmpty()) {
                log.info("Last log lines of task " + ContainerLogs.taskId(stopped.get(0).taskArn()) + ":");
                lastLines.forEach(l -> log.info("  " + l));
            }
        });
        String firstStop = stoppedReasons.isEmpty() ? "" : " First stopped task: " + stoppedReasons.get(0) + ".";
        return new RolloutFailure(FailureReason.ROLLOUT_FAILED, "rollout",
                "Rollout of " + name + " to " + revisionName(target) + " failed: " + why + "." + firstStop + " " + failure.whatToDo(),
                events, stoppedReasons, lastLines);
    }

    private List<Task> stoppedTasks(String cluster, String service, String target) {
        List<String> arns = ecs.listTasks(r -> r.cluster(cluster).serviceName(service).desiredStatus(DesiredStatus.STOPPED)).taskArns();
        if (arns.isEmpty()) return List.of();
        List<Task> tasks = ecs.describeTasks(r -> r.cluster(cluster).tasks(arns.subList(0, Math.min(arns.size(), 10)))).tasks();
        return tasks.stream()
                .filter(t -> target == null || target.equals(t.taskDefinitionArn()))
                .sorted(Comparator.comparing(Task::stoppedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(3)
                .toList();
    }

    private List<String> lastLogLines(Task task) {
        try {
            TaskDefinition definition = ecs.describeTaskDefinition(r -> r.taskDefinition(task.taskDefinitionArn())).taskDefinition();
            List<String> lines = new ArrayList<>();
            for (ContainerDefinition container : definition.containerDefinitions()) {
                ContainerLogs.streamOf(container, task.taskArn()).ifPresent(stream ->
                        LogTail.lastLines(logs, stream, 20).forEach(line -> lines.add(container.name() + " | " + line)));
            }
            return lines;
        } catch (RuntimeException e) {
            // Log lines are an aid to the failure report, never a reason to lose it.
            return List.of("(log lines unavailable: " + e.getMessage() + ")");
        }
    }

    private AdhocFailure timedOut(Map<String, String> pending, Map<String, Service> lastSeen, Deadline deadline) {
        List<String> states = new ArrayList<>();
        pending.forEach((name, target) -> {
            Service s = lastSeen.get(name);
            if (s == null) {
                states.add(name + " (not described yet)");
                return;
            }
            String primary = primary(s).map(d -> d.rolloutStateAsString() + ", " + d.runningCount() + "/" + d.desiredCount() + " running")
                    .orElse("no primary deployment");
            states.add(name + " (" + primary + ", " + s.deployments().size() + " deployments)");
        });
        return new AdhocFailure(FailureReason.TIMEOUT, "Services did not finish rolling out within wait-timeout ("
                + Durations.format(deadline.budget()) + "); still pending: " + String.join("; ", states)
                + ". ECS keeps rolling out; check the service events, or raise wait-timeout.");
    }

    static String revisionName(String taskDefinitionArn) {
        if (taskDefinitionArn == null) return "its current revision";
        return taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    }
}
