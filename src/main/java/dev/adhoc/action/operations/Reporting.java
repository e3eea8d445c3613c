package dev.adhoc.action.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.ecs.EnvironmentRollout;
import dev.adhoc.action.ecs.Phases;
import dev.adhoc.action.ecs.RolloutFailure;
import dev.adhoc.action.ecs.TaskResult;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.github.GitHubPublisher;
import dev.adhoc.action.github.GitHubSettings;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageReference;
import dev.adhoc.action.report.EnvironmentReport.State;
import dev.adhoc.action.report.EnvironmentReport;
import dev.adhoc.action.runtime.SummaryBlock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a run tells people as it goes: the report of one environment operation (phases, services,
 * pre-deploy tasks, failure), rendered into the job summary and published on the pull request
 * and as a GitHub deployment. Publishing never changes the operation's outcome.
 */
final class Reporting implements Phases {
    private final Context context;
    private final GitHubPublisher github;
    private EnvironmentReport report;
    private String currentPhase = "preparation";

    private Reporting(Context context, GitHubPublisher github, EnvironmentReport report) {
        this.context = context;
        this.github = github;
        this.report = report;
    }

    /**
     * Starts the report of what {@code verb} does to one environment, under that verb's name
     * whichever operation asked for it (cleanup destroys through {@code destroy}), published with
     * the verb's GitHub options. Nothing is published yet: a verb that changes the running
     * environment says so with {@link #deploying()}; the others publish only how they ended.
     */
    static Reporting start(Context context, Verb verb, GitHubOptions gitHubOptions, EnvironmentName environment,
            Optional<Manifest> manifest) {
        EnvironmentReport.Builder report = EnvironmentReport.start(environment.value(), verb.id(), context.clock().instant())
                .toBuilder().runUrl(GitHubSettings.runUrl(context.processEnvironment()));
        manifest.ifPresent(known -> report.url(known.url()).shellCommand(known.shellCommand()));
        return new Reporting(context, GitHubPublisher.fromProcessEnvironment(context.processEnvironment(), gitHubOptions, context.log(),
                context.json(), context.github()),
                report.build());
    }

    /** The running environment is about to change: the pull request and a new deployment show it as deploying. */
    Reporting deploying() {
        github.begin(report.toBuilder().state(State.DEPLOYING).build());
        return this;
    }

    /** Times one phase (terraform, database, migrations, rollout, health check) for the report's chart. */
    @Override
    public <T> T phase(String name, Supplier<T> body) {
        Instant start = context.clock().instant();
        currentPhase = name;
        try {
            return body.get();
        } finally {
            report = report.toBuilder().phase(new EnvironmentReport.Phase(name, start, context.clock().instant())).build();
        }
    }

    void phase(String name, Runnable body) {
        phase(name, () -> {
            body.run();
            return null;
        });
    }

    void succeeded(Manifest manifest, EnvironmentRollout.Outcome outcome, Optional<SummaryBlock> planSummary) {
        EnvironmentReport.Builder ready = report.toBuilder().url(manifest.url()).shellCommand(manifest.shellCommand())
                .images(images(manifest, outcome)).services(rows(outcome));
        for (TaskResult task : outcome.preDeployTasks()) {
            ready.task(new EnvironmentReport.TaskResult(task.family(), task.exitCode(), task.duration()));
        }
        planSummary.ifPresent(ready::planSummary);
        report = ready.build().finished(State.READY, context.clock().instant());
        context.summary().append(report.summary());
        github.complete(report);
    }

    /** Any failure, so the pull request never stays "deploying" after a run that stopped. */
    void failed(RuntimeException failure) {
        if (context.cancellation().requested()) {
            cancelled();
            return;
        }
        EnvironmentReport.Failure why = failure instanceof RolloutFailure rollout
                ? new EnvironmentReport.Failure(rollout.step(), rollout.getMessage(), rollout.serviceEvents(), rollout.stoppedTaskReasons(),
                        rollout.lastLogLines())
                : EnvironmentReport.Failure.of(currentPhase, failure.getMessage());
        report = report.failed(why, context.clock().instant());
        context.summary().append(report.summary());
        github.complete(report);
    }

    /**
     * Cancelled by a signal: the report says in which phase it stopped and which phases had
     * finished, and the pull request and deployment stop showing "deploying".
     */
    private void cancelled() {
        context.cancellation().acknowledge();
        List<String> done = report.phases().stream().filter(p -> !p.name().equals(currentPhase)).map(EnvironmentReport.Phase::name).toList();
        String message = "Cancelled (" + context.cancellation().signal().orElse("signal") + ") during " + currentPhase + "; "
                + (done.isEmpty() ? "nothing had finished before" : "finished before: " + String.join(", ", done))
                + (currentPhase.equals("terraform") ? ". terraform was interrupted once, to save its state and release its lock" : "")
                + ". Run " + report.operation() + " again to finish.";
        report = report.cancelled(EnvironmentReport.Failure.of(currentPhase, message), context.clock().instant());
        context.summary().append(report.summary());
        github.complete(report);
    }

    /** stop and start: the pull request shows the state; their own summary says the rest. */
    void scaled(State state) {
        report = report.finished(state, context.clock().instant());
        github.complete(report);
    }

    void destroyed() {
        report = report.finished(State.DESTROYED, context.clock().instant());
        context.summary().append(report.summary());
        github.destroyed(report);
    }

    /** Role → image the services run after the rollout, as the report shows it ({@code repo:tag} or {@code repo@sha256:...}). */
    private static Map<String, String> images(Manifest manifest, EnvironmentRollout.Outcome outcome) {
        Map<String, String> images = new LinkedHashMap<>();
        outcome.images().forEach((role, version) -> images.put(role, ImageReference.of(manifest.images().get(role), version).toString()));
        return images;
    }

    private static List<EnvironmentReport.ServiceRow> rows(EnvironmentRollout.Outcome outcome) {
        List<EnvironmentReport.ServiceRow> rows = new ArrayList<>();
        for (EnvironmentRollout.ServiceChange change : outcome.services()) {
            String arn = change.taskDefinitionArn();
            int revision = Integer.parseInt(arn.substring(arn.lastIndexOf(':') + 1));
            rows.add(new EnvironmentReport.ServiceRow(change.service(),
                    Optional.of(change.fromImages()).filter(s -> !s.isEmpty()), change.toImages(), revision, change.took()));
        }
        return rows;
    }

    static String json(Context context, Map<String, String> value) {
        try {
            return context.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
