package dev.adhoc.action.report;

import dev.adhoc.action.runtime.SummaryBlock;
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
 * (a {@link Builder} from {@link #toBuilder()} makes the changed copy); {@link SummaryMarkdown}, {@link SummaryText} and
 * {@link CommentMarkdown} render it, and the GitHub publisher sends it. {@code operation} names the
 * verb that did the work and {@code state} where it left the environment; renderers show both as
 * they are and choose what to show by the state alone.
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
        STOPPED("Stopped", "⏸️");

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

    /** This report as one part of the job summary: {@link SummaryMarkdown} for GitHub, {@link SummaryText} for a terminal. */
    public SummaryBlock summary() {
        return new SummaryBlock(SummaryMarkdown.render(this), SummaryText.render(this));
    }

    public Optional<Duration> took() {
        return finished.map(end -> Duration.between(started, end));
    }

    /** A builder holding this report's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The operation ended well: the given state (READY, STOPPED, DESTROYED) at the given time. */
    public EnvironmentReport finished(State endState, Instant at) {
        return toBuilder().state(endState).finished(at).build();
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
        return toBuilder().state(endState).finished(at).failure(why).build();
    }

    /** The values of a report being filled in; {@link #build()} makes the report. Tasks and phases are appended in order. */
    public static final class Builder {
        private final String environment;
        private final String operation;
        private final Instant started;
        private State state;
        private Optional<String> url;
        private Map<String, String> images;
        private List<ServiceRow> services;
        private final List<TaskResult> tasks;
        private final List<Phase> phases;
        private Optional<Instant> finished;
        private Optional<String> runUrl;
        private Optional<String> shellCommand;
        private Optional<SummaryBlock> planSummary;
        private Optional<Failure> failure;

        private Builder(EnvironmentReport report) {
            environment = report.environment;
            operation = report.operation;
            started = report.started;
            state = report.state;
            url = report.url;
            images = report.images;
            services = report.services;
            tasks = new ArrayList<>(report.tasks);
            phases = new ArrayList<>(report.phases);
            finished = report.finished;
            runUrl = report.runUrl;
            shellCommand = report.shellCommand;
            planSummary = report.planSummary;
            failure = report.failure;
        }

        public Builder state(State newState) {
            state = newState;
            return this;
        }

        public Builder url(String newUrl) {
            url = Optional.ofNullable(newUrl);
            return this;
        }

        public Builder images(Map<String, String> newImages) {
            images = Collections.unmodifiableMap(new LinkedHashMap<>(newImages));
            return this;
        }

        public Builder services(List<ServiceRow> newServices) {
            services = List.copyOf(newServices);
            return this;
        }

        public Builder task(TaskResult task) {
            tasks.add(task);
            return this;
        }

        public Builder phase(Phase phase) {
            phases.add(phase);
            return this;
        }

        public Builder runUrl(Optional<String> newRunUrl) {
            runUrl = newRunUrl;
            return this;
        }

        public Builder shellCommand(Optional<String> newShellCommand) {
            shellCommand = newShellCommand;
            return this;
        }

        /** Terraform's plan, in both forms: the summary shows the Markdown on GitHub and the text on a terminal. */
        public Builder planSummary(SummaryBlock plan) {
            planSummary = Optional.ofNullable(plan);
            return this;
        }

        public Builder finished(Instant at) {
            finished = Optional.of(at);
            return this;
        }

        public Builder failure(Failure why) {
            failure = Optional.of(why);
            return this;
        }

        public EnvironmentReport build() {
            return new EnvironmentReport(environment, operation, state, url, images, services, tasks, phases, started, finished, runUrl,
                    shellCommand, planSummary, failure);
        }
    }
}
