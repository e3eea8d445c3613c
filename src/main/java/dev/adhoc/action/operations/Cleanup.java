package dev.adhoc.action.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.config.WrittenDuration;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.fleet.EnvironmentStatus;
import dev.adhoc.action.fleet.FleetStatus;
import dev.adhoc.action.fleet.PullRequests;
import dev.adhoc.action.text.Table;
import dev.adhoc.action.github.GitHubSettings;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.SummaryBlock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code cleanup}: destroys every environment older than {@code older-than} (age = now − when
 * its manifest was first published) or, given a github-token, whose pull request ({@code pr-<n>})
 * is closed. With {@code stop-idle-after} it also stops (scales to zero, as operation
 * {@code stop}) the running environments that nothing was deployed to for that long (idle since
 * the last deploy, else since creation), for nights and weekends: {@code start} brings them back.
 * {@code dry-run} (the default) only says what would go and why. One failed destroy or stop
 * does not stop the others; the run fails at the end naming those that remain.
 */
public final class Cleanup implements Operation {
    private final CleanupOptions options;
    private final EnvironmentDestroyer destroyer;
    private final EnvironmentDestroyer stopper;

    public Cleanup(CleanupOptions options, EnvironmentDestroyer destroyer) {
        this(options, destroyer, (context, environment) -> new StopStart(options.stop(environment)).run(context));
    }

    /** {@code stopper} stops one environment as operation {@code stop} does, given cleanup's context. */
    public Cleanup(CleanupOptions options, EnvironmentDestroyer destroyer, EnvironmentDestroyer stopper) {
        this.options = options;
        this.destroyer = destroyer;
        this.stopper = stopper;
    }

    /** What happens to one environment. */
    enum Outcome {
        KEPT("kept"), WOULD_DESTROY("would destroy"), DESTROYED("destroyed"), WOULD_STOP("would stop"), STOPPED("stopped"),
        FAILED("failed");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** One environment's verdict: the reasons it should go (none = it stays), and what became of it. */
    record Verdict(EnvironmentStatus status, Duration age, List<String> reasons, Outcome outcome, Optional<String> error) {
        Verdict with(Outcome newOutcome, Optional<String> newError) {
            return new Verdict(status, age, reasons, newOutcome, newError);
        }
    }

    @Override
    public int run(Context context) {
        Optional<String> idleText = options.stopIdleAfter().map(WrittenDuration::text);
        Optional<Duration> stopIdleAfter = options.stopIdleAfter().map(WrittenDuration::duration);
        Optional<String> olderThanGiven = options.olderThan().map(WrittenDuration::text);
        Optional<Duration> olderThan = options.olderThan().map(WrittenDuration::duration);
        String criteria = String.join(", ", java.util.stream.Stream.of(olderThanGiven.map(t -> "older than " + t),
                idleText.map(t -> "stop idle after " + t)).flatMap(Optional::stream).toList());
        boolean dryRun = options.dryRun();
        var store = context.manifests(options.manifestPrefix());

        Optional<PullRequests> pullRequests = pullRequests(context);
        List<EnvironmentStatus> environments = new FleetStatus(context.ecs(), context.aws().ssm(), context.log()).read(store);
        Instant now = context.clock().instant();
        List<Verdict> verdicts = new ArrayList<>();
        for (EnvironmentStatus status : environments) {
            Duration age = Duration.between(status.created(), now);
            List<String> reasons = new ArrayList<>();
            if (olderThan.isPresent() && age.compareTo(olderThan.get()) > 0) {
                reasons.add("older than " + olderThanGiven.get() + " (age " + Durations.age(age) + ")");
            }
            if (reasons.isEmpty()) pullRequestClosed(context, pullRequests, status.environment()).ifPresent(reasons::add);
            // DESTROYED is the plan until the destroy itself says otherwise (FAILED).
            Outcome outcome = reasons.isEmpty() ? Outcome.KEPT : dryRun ? Outcome.WOULD_DESTROY : Outcome.DESTROYED;
            if (reasons.isEmpty() && stopIdleAfter.isPresent()) {
                Optional<String> idle = idle(status, now, stopIdleAfter.get(), idleText.get());
                if (idle.isPresent()) {
                    reasons.add(idle.get());
                    outcome = dryRun ? Outcome.WOULD_STOP : Outcome.STOPPED;
                }
            }
            verdicts.add(new Verdict(status, age, List.copyOf(reasons), outcome, Optional.empty()));
        }

        List<Verdict> done = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict.outcome() == Outcome.WOULD_DESTROY || verdict.outcome() == Outcome.WOULD_STOP) {
                context.log().info((verdict.outcome() == Outcome.WOULD_STOP ? "Would stop " : "Would destroy ")
                        + verdict.status().environment() + ": " + String.join("; ", verdict.reasons()));
            }
            done.add(switch (verdict.outcome()) {
                case DESTROYED -> act(context, verdict, destroyer);
                case STOPPED -> act(context, verdict, stopper);
                default -> verdict;
            });
        }

        context.outputs().set("environments", json(context, done));
        report(context, done, criteria, dryRun);
        List<Verdict> failed = done.stream().filter(v -> v.outcome() == Outcome.FAILED).toList();
        if (!failed.isEmpty()) {
            long acted = done.stream().filter(v -> v.outcome() == Outcome.DESTROYED || v.outcome() == Outcome.STOPPED).count();
            boolean stops = stopIdleAfter.isPresent();
            throw new AdhocFailure(FailureReason.CLEANUP_INCOMPLETE, "Cleanup " + (stops ? "destroyed or stopped " : "destroyed ") + acted + " of "
                    + (acted + failed.size()) + " environments; could not " + (stops ? "finish " : "destroy ") + String.join("; ", failed.stream()
                    .map(v -> v.status().environment() + " (" + v.error().orElse("") + ")").toList())
                    + ". Fix the cause and run cleanup again: it only picks up what is still there.");
        }
        if (dryRun && done.stream().anyMatch(v -> v.outcome() == Outcome.WOULD_DESTROY || v.outcome() == Outcome.WOULD_STOP)) {
            context.log().notice("Dry run: nothing was destroyed or stopped. Run with dry-run: false to act on the environments listed.");
        }
        return 0;
    }

    /** Idle = running, with no deploy (else no create) for longer than {@code after}: why it should stop. */
    private static Optional<String> idle(EnvironmentStatus status, Instant now, Duration after, String afterText) {
        boolean running = status.state() == EnvironmentStatus.State.RUNNING || status.state() == EnvironmentStatus.State.PARTIALLY_RUNNING;
        Instant since = status.lastDeploy().orElse(status.created());
        Duration idle = Duration.between(since, now);
        if (!running || idle.compareTo(after) <= 0) return Optional.empty();
        return Optional.of("idle longer than " + afterText + " (no deploy for " + Durations.age(idle) + ")");
    }

    /**
     * Destroys or stops one environment as its own operation would, which reports it under its own
     * name; a failure is recorded, not thrown.
     */
    private Verdict act(Context context, Verdict verdict, EnvironmentDestroyer action) {
        EnvironmentName name = EnvironmentName.of(verdict.status().environment());
        boolean stop = verdict.outcome() == Outcome.STOPPED;
        String verb = stop ? "stop" : "destroy";
        try {
            context.log().group((stop ? "Stop " : "Destroy ") + name + " (" + String.join("; ", verdict.reasons()) + ")",
                    () -> action.destroy(context, name));
            context.log().info("✓ " + verdict.outcome().label + " " + name);
            return verdict;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            context.log().warning("Could not " + verb + " " + name + ": " + why);
            return verdict.with(Outcome.FAILED, Optional.of(why));
        }
    }

    /** Given a github-token, pull requests are looked up through the same GitHub client and settings as publishing. */
    private Optional<PullRequests> pullRequests(Context context) {
        GitHubSettings settings = GitHubSettings.from(context.processEnvironment(), options.github(), context.json());
        if (settings.token().isEmpty()) return Optional.empty();
        if (settings.repository().isEmpty()) {
            context.log().warning("GITHUB_REPOSITORY is not set, so closed pull requests are not looked up; only age counts.");
            return Optional.empty();
        }
        return Optional.of(context.github().repository(settings)::isPullRequestClosed);
    }

    /** "pull request #12 is closed" for pr-12 when GitHub says so; a GitHub error keeps the environment. */
    private static Optional<String> pullRequestClosed(Context context, Optional<PullRequests> pullRequests, String environment) {
        OptionalInt pr = EnvironmentName.pullRequestNumber(environment);
        if (pullRequests.isEmpty() || pr.isEmpty()) return Optional.empty();
        int number = pr.getAsInt();
        try {
            return pullRequests.get().isClosed(number) ? Optional.of("pull request #" + number + " is closed") : Optional.empty();
        } catch (IOException | RuntimeException e) {
            context.log().warning("Could not ask GitHub whether pull request #" + number + " is closed (" + e.getMessage() + "); "
                    + environment + " is kept.");
            return Optional.empty();
        }
    }

    private static void report(Context context, List<Verdict> verdicts, String criteria, boolean dryRun) {
        Table table = new Table("environment", "age", "state", "result", "why");
        for (Verdict v : verdicts) {
            table.row(v.status().environment(), Durations.age(v.age()), v.status().state().label(), v.outcome().label,
                    v.error().map(e -> String.join("; ", v.reasons()) + " — " + e).orElse(v.reasons().isEmpty() ? "-" : String.join("; ", v.reasons())));
        }
        if (!table.isEmpty()) table.text().forEach(context.log()::info);
        // The terminal has just shown the table as text; only GitHub's job summary needs it again.
        context.summary().append(new SummaryBlock("## " + (dryRun ? "Cleanup (dry run)" : "Cleanup") + ": " + criteria
                + "\n\n" + (verdicts.isEmpty() ? "No environments.\n" : table.markdown()), ""));
    }

    private static String json(Context context, List<Verdict> verdicts) {
        ArrayNode array = context.json().createArrayNode();
        for (Verdict v : verdicts) {
            if (v.reasons().isEmpty()) continue;
            ObjectNode node = ListEnvironments.json(context, v.status());
            node.put("age", v.age().toString());
            ArrayNode reasons = node.putArray("reasons");
            v.reasons().forEach(reasons::add);
            node.put("result", v.outcome().label);
            v.error().ifPresent(e -> node.put("error", e));
            array.add(node);
        }
        try {
            return context.json().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
