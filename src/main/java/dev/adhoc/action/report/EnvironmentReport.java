package dev.adhoc.action.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one operation did to one environment, as plain values. Operations fill it in as they go
 * (the {@code with...} methods return changed copies); {@link SummaryMarkdown}, {@link SummaryText} and
 * {@link CommentMarkdown} render it, and the GitHub publisher sends it.
 */
public record EnvironmentReport(
        String environment,
        String operation,
        State state,
        Optional<String> url,
        Map<String, String> images,
        List<ServiceRow> services,
        List<TaskResult> tasks,
        List<Phase> phases,
        Instant started,
        Optional<Instant> finished,
        Optional<String> runUrl,
        Optional<String> shellCommand,
        Optional<SummaryBlock> planSummary,
        Optional<Failure> failure) {

    public enum State {
        DEPLOYING("Deploying", "⏳"),
        READY("Ready", "✅"),
        FAILED("Failed", "❌"),
        CANCELLED("Cancelled", "🛑"),
        DESTROYED("Destroyed", "🗑️"),
        STOPPED("Stopped", "⏸️"),
        PLANNED("Planned", "📝");

        private final String label;
        private final String emoji;

        State(String label, String emoji) {
            this.label = label;
            this.emoji = emoji;
        }

        public String label() {
            return label;
        }

        public String emoji() {
            return emoji;
        }
    }

    /** One ECS service rolled out: its image before and after, the new task-definition revision. */
    public record ServiceRow(String service, Optional<String> oldImage, String newImage, int revision, Duration took) {
    }

    /** One pre-deploy task (migrate, collectstatic) and how it ended. */
    public record TaskResult(String family, int exitCode, Duration took) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** A stretch of the run (terraform, database, migrations, rollout, health check). */
    public record Phase(String name, Instant start, Instant end) {
        public Duration duration() {
            return end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
        }
    }

    /** Why the operation failed, with the evidence ECS gave. */
    public record Failure(String step, String message, List<String> serviceEvents, List<String> stoppedTaskReasons,
            List<String> lastLogLines) {
        public Failure {
            serviceEvents = List.copyOf(serviceEvents);
            stoppedTaskReasons = List.copyOf(stoppedTaskReasons);
            lastLogLines = List.copyOf(lastLogLines);
        }

        public static Failure of(String step, String message) {
            return new Failure(step, message, List.of(), List.of(), List.of());
        }
    }

    public EnvironmentReport {
        // Role order is what users see first (backend, then frontend); keep the caller's order.
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        services = List.copyOf(services);
        tasks = List.copyOf(tasks);
        phases = List.copyOf(phases);
    }

    /** A report for an operation that has just started: state DEPLOYING, nothing else known yet. */
    public static EnvironmentReport start(String environment, String operation, Instant started) {
        return new EnvironmentReport(environment, operation, State.DEPLOYING, Optional.empty(), Map.of(), List.of(), List.of(),
                List.of(), started, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The hidden marker that identifies this environment's pull-request comment. */
    public String commentMarker() {
        return CommentMarkdown.marker(environment);
    }

    public Optional<Duration> took() {
        return finished.map(end -> Duration.between(started, end));
    }

    public EnvironmentReport withState(State newState) {
        return new EnvironmentReport(environment, operation, newState, url, images, services, tasks, phases, started, finished, runUrl,
                shellCommand, planSummary, failure);
    }

    public EnvironmentReport withUrl(String newUrl) {
        return new EnvironmentReport(environment, operation, state, Optional.ofNullable(newUrl), images, services, tasks, phases, started,
                finished, runUrl, shellCommand, planSummary, failure);
    }

    public EnvironmentReport withImages(Map<String, String> newImages) {
        return new EnvironmentReport(environment, operation, state, url, newImages, services, tasks, phases, started, finished, runUrl,
                shellCommand, planSummary, failure);
    }

    public EnvironmentReport withServices(List<ServiceRow> newServices) {
        return new EnvironmentReport(environment, operation, state, url, images, newServices, tasks, phases, started, finished, runUrl,
                shellCommand, planSummary, failure);
    }

    public EnvironmentReport withTask(TaskResult task) {
        return new EnvironmentReport(environment, operation, state, url, images, services, append(tasks, task), phases, started, finished,
                runUrl, shellCommand, planSummary, failure);
    }

    public EnvironmentReport withPhase(Phase phase) {
        return new EnvironmentReport(environment, operation, state, url, images, services, tasks, append(phases, phase), started, finished,
                runUrl, shellCommand, planSummary, failure);
    }

    public EnvironmentReport withRunUrl(Optional<String> newRunUrl) {
        return new EnvironmentReport(environment, operation, state, url, images, services, tasks, phases, started, finished, newRunUrl,
                shellCommand, planSummary, failure);
    }

    public EnvironmentReport withShellCommand(Optional<String> newShellCommand) {
        return new EnvironmentReport(environment, operation, state, url, images, services, tasks, phases, started, finished, runUrl,
                newShellCommand, planSummary, failure);
    }

    /** Terraform's plan, in both forms: the summary shows the Markdown on GitHub and the text on a terminal. */
    public EnvironmentReport withPlanSummary(SummaryBlock plan) {
        return new EnvironmentReport(environment, operation, state, url, images, services, tasks, phases, started, finished, runUrl,
                shellCommand, Optional.ofNullable(plan), failure);
    }

    /** The operation ended well: the given state (READY, STOPPED, PLANNED, DESTROYED) at the given time. */
    public EnvironmentReport finished(State endState, Instant at) {
        return new EnvironmentReport(environment, operation, endState, url, images, services, tasks, phases, started, Optional.of(at),
                runUrl, shellCommand, planSummary, failure);
    }

    /** The operation failed: state FAILED with the reason. */
    public EnvironmentReport failed(Failure why, Instant at) {
        return stopped(State.FAILED, why, at);
    }

    /** The run was cancelled (a signal): state CANCELLED, with where it stopped and what it had done. */
    public EnvironmentReport cancelled(Failure where, Instant at) {
        return stopped(State.CANCELLED, where, at);
    }

    private EnvironmentReport stopped(State endState, Failure why, Instant at) {
        return new EnvironmentReport(environment, operation, endState, url, images, services, tasks, phases, started, Optional.of(at),
                runUrl, shellCommand, planSummary, Optional.of(why));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
