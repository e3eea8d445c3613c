package dev.adhoc.action.ecs;

import dev.adhoc.action.util.Backoff;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.logs.LogTail;
import dev.adhoc.action.manifest.Network;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Runs one-off tasks (migrate, collectstatic, a management command) to completion: on Fargate
 * on-demand (never Spot: a reclaimed migration is worse than a slower one), with the given
 * network, the containers' awslogs streams followed into the job log while it runs and drained
 * after it stops, bounded by the run's deadline.
 *
 * <p>The SDK's {@code EcsWaiter.waitUntilTasksStopped} has our condition but not our wait: the logs
 * are followed between checks, the pace is ours (every 0.4 s at most, the waiter's is 6 s), and
 * the wait ends on the run's deadline (stopping the task) or its cancellation, on our injected clock.
 */
public final class OneOffTasks {
    private static final Duration DRAIN = Duration.ofSeconds(6);

    private final EcsCalls ecs;
    private final CloudWatchLogsClient logs;
    private final JobLog log;
    private final Poll poll;

    public OneOffTasks(EcsCalls ecs, CloudWatchLogsClient logs, JobLog log, Poll poll) {
        this.ecs = ecs;
        this.logs = logs;
        this.log = log;
        this.poll = poll;
    }

    /** A container command to run instead of the task definition's. */
    public record CommandOverride(String container, List<String> command) {
    }

    public TaskResult run(String cluster, TaskDefinition definition, Network network, Optional<CommandOverride> override,
            Deadline deadline) {
        Instant started = poll.now();
        String family = definition.family();
        RunTaskResponse response = ecs.runTask(r -> {
            r.cluster(cluster)
                    .taskDefinition(definition.taskDefinitionArn())
                    .launchType(LaunchType.FARGATE)
                    .count(1)
                    .startedBy("adhoc-action")
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(network.subnets())
                            .securityGroups(network.securityGroups())
                            .assignPublicIp(AssignPublicIp.fromValue(network.assignPublicIp()))));
            override.ifPresent(o -> r.overrides(TaskOverride.builder()
                    .containerOverrides(c -> c.name(o.container()).command(o.command())).build()));
        });
        if (!response.failures().isEmpty() || response.tasks().isEmpty()) {
            String why = response.failures().stream().map(f -> f.arn() + ": " + f.reason() + (f.detail() == null ? "" : " " + f.detail()))
                    .reduce((a, b) -> a + "; " + b).orElse("no task was started");
            throw new AdhocFailure(FailureReason.TASK_NOT_STARTED, "Could not start task " + family + " in cluster " + cluster + ": " + why
                    + ". Check the cluster's capacity and the network in the manifest.");
        }
        String taskArn = response.tasks().get(0).taskArn();
        log.info("Started " + family + " (task " + ContainerLogs.taskId(taskArn) + ")");

        List<LogTail> tails = new ArrayList<>();
        for (ContainerDefinition container : definition.containerDefinitions()) {
            ContainerLogs.streamOf(container, taskArn).ifPresent(stream -> tails.add(
                    new LogTail(logs, stream, line -> log.info(container.name() + " | " + line))));
        }
        AtomicReference<Task> lastSeen = new AtomicReference<>();
        Optional<Task> stopped = poll.untilPresent(() -> {
            tails.forEach(LogTail::poll);
            Task seen = ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().stream().findFirst().orElse(lastSeen.get());
            lastSeen.set(seen);
            return Optional.ofNullable(seen).filter(t -> "STOPPED".equals(t.lastStatus()));
        }, deadline, Backoff.tasks());
        if (stopped.isEmpty()) {
            // Nothing is left running that we started: stop it, then say so.
            ecs.stopTask(r -> r.cluster(cluster).task(taskArn).reason("adhoc-action: wait-timeout reached"));
            Task task = lastSeen.get();
            throw new AdhocFailure(FailureReason.TIMEOUT, "Task " + family + " (" + ContainerLogs.taskId(taskArn) + ") was still "
                    + (task == null ? "starting" : task.lastStatus()) + " when wait-timeout ("
                    + Durations.format(deadline.budget()) + ") ran out; it has been stopped. Raise wait-timeout or look at the task's logs above.");
        }
        Task task = stopped.get();
        drain(tails);
        Map<String, Integer> exitCodes = new LinkedHashMap<>();
        for (ContainerDefinition container : definition.containerDefinitions()) {
            if (Boolean.FALSE.equals(container.essential())) continue;
            Integer code = task.containers().stream().filter(c -> c.name().equals(container.name())).findFirst()
                    .map(Container::exitCode).orElse(null);
            exitCodes.put(container.name(), code);
        }
        List<String> lastLines = tails.stream().flatMap(t -> t.lastLines().stream()).toList();
        return new TaskResult(family, taskArn, exitCodes, task.stopCodeAsString(), task.stoppedReason(),
                Duration.between(started, poll.now()), lastLines);
    }

    /**
     * Log events reach CloudWatch shortly after the container wrote them: read now, then again
     * after a short pause, until a read brings nothing new (bounded).
     */
    private void drain(List<LogTail> tails) {
        if (tails.isEmpty()) return;
        Deadline bound = poll.deadline(DRAIN);
        AtomicBoolean firstRead = new AtomicBoolean(true);
        // The first read never ends the drain, even when it brings nothing: lines may still be on their way.
        poll.until(() -> {
            int read = tails.stream().mapToInt(LogTail::poll).sum();
            return !firstRead.getAndSet(false) && read == 0;
        }, bound, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    }
}
