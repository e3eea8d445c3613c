package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.ecs.EnvironmentServices;
import dev.adhoc.action.ecs.ServiceCounts;
import dev.adhoc.action.ecs.StoppedCounts;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.report.EnvironmentReport;
import dev.adhoc.action.runtime.SummaryBlock;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.text.Table;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stop} scales every service of an environment to zero, remembering each one's desired
 * count on the service ({@link StoppedCounts}); {@code start} scales them back to exactly those
 * counts. Both wait, bounded by wait-timeout, until the running counts match. Either one on an
 * environment already in the wanted state is a notice, not an error, so schedules can repeat them.
 */
public final class StopStart implements Operation {
    private final StopStartOptions options;
    private final boolean stop;

    public StopStart(StopStartOptions options) {
        this.options = options;
        this.stop = options.stop();
    }

    @Override
    public int run(Context context) {
        EnvironmentName environment = options.environment();
        Poll poll = context.poll();
        Deadline deadline = poll.deadline(options.waitTimeout());
        Instant started = poll.now();

        Manifest manifest = context.manifests(options.manifestPrefix()).get(environment);
        context.outputs().set("environment", environment.value());
        context.outputs().set("cluster", manifest.cluster());
        context.outputs().set("url", manifest.url());
        EnvironmentServices services = new EnvironmentServices(context.ecs(), context.log(), poll);
        StoppedCounts memory = new StoppedCounts(context.ecs());
        List<ServiceCounts> before = services.counts(manifest);

        Reporting reporting = Reporting.start(context, stop ? Verb.STOP : Verb.START, options.github(), environment, Optional.of(manifest));
        // Starting brings the environment back: it shows as deploying until its tasks run.
        if (!stop) reporting.deploying();
        Map<String, Integer> targets;
        try {
            targets = stop ? stop(context, manifest, before, services, memory) : start(context, manifest, before, services, memory);
            if (!targets.isEmpty()) {
                context.log().group("Wait for " + (stop ? "tasks to stop" : "tasks to start"),
                        () -> services.awaitCounts(manifest, targets, deadline));
            }
        } catch (RuntimeException failure) {
            reporting.failed(failure);
            throw failure;
        }
        reporting.scaled(stop ? EnvironmentReport.State.STOPPED : EnvironmentReport.State.READY);
        if (targets.isEmpty()) return 0;

        Table table = new Table("service", "tasks before", "tasks now");
        before.forEach(s -> table.row(s.service(), Integer.toString(s.desired()), Integer.toString(targets.getOrDefault(s.service(), s.desired()))));
        String took = Durations.format(Duration.between(started, poll.now()));
        String heading = (stop ? "⏸ Stopped " : "▶ Started ") + environment;
        String facts = (stop ? "" : "URL: " + manifest.url() + "\n") + "Took " + took + "\n";
        context.summary().append(new SummaryBlock("## " + heading + "\n\n" + facts.replace("\n", "  \n") + "\n" + table.markdown(),
                heading + "\n" + facts + "\n" + String.join("\n", table.text()) + "\n"));
        context.log().notice(stop
                ? "Stopped " + environment + ": every service is at 0 tasks. Start it again with operation: start."
                : "Started " + environment + ": " + manifest.url());
        return 0;
    }

    private Map<String, Integer> stop(Context context, Manifest manifest, List<ServiceCounts> before, EnvironmentServices services,
            StoppedCounts memory) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        if (before.stream().allMatch(s -> s.stopped() && s.running() == 0)) {
            context.log().notice("Environment " + manifest.environment() + " is already stopped: nothing to do.");
            return targets;
        }
        context.log().group("Scale services to 0", () -> {
            for (ServiceCounts service : before) {
                // The count is written before the service is scaled: an interrupted stop never loses it.
                if (!service.stopped()) {
                    memory.remember(service.arn(), service.desired());
                    services.scale(manifest.cluster(), service.service(), 0);
                    context.log().info(service.service() + ": " + service.desired() + " → 0 (remembered " + service.desired() + ")");
                } else if (service.remembered().isEmpty()) {
                    memory.remember(service.arn(), 0);
                    context.log().info(service.service() + ": already at 0");
                }
                targets.put(service.service(), 0);
            }
        });
        return targets;
    }

    private Map<String, Integer> start(Context context, Manifest manifest, List<ServiceCounts> before, EnvironmentServices services,
            StoppedCounts memory) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        if (before.stream().allMatch(s -> s.remembered().isEmpty() && !s.stopped())) {
            context.log().notice("Environment " + manifest.environment() + " is not stopped (every service has tasks): nothing to start.");
            return targets;
        }
        List<String> unknown = before.stream().filter(s -> s.stopped() && s.remembered().isEmpty()).map(ServiceCounts::service).toList();
        if (!unknown.isEmpty()) {
            throw new AdhocFailure(FailureReason.STOPPED_COUNTS_UNKNOWN, "Cannot start " + manifest.environment() + ": " + String.join(", ", unknown)
                    + " " + (unknown.size() == 1 ? "is" : "are") + " at 0 tasks with no remembered count (tag " + StoppedCounts.TAG
                    + "), so they were not stopped by operation: stop, or the tag was removed. Re-apply the environment "
                    + "(operation: create) to restore its configured counts.");
        }
        context.log().group("Scale services back", () -> {
            for (ServiceCounts service : before) {
                if (service.remembered().isEmpty()) continue;
                int count = service.remembered().getAsInt();
                services.scale(manifest.cluster(), service.service(), count);
                // Forgotten only once the count is back on the service, so a failed start can simply be repeated.
                memory.forget(service.arn());
                context.log().info(service.service() + ": " + service.desired() + " → " + count);
                targets.put(service.service(), count);
            }
        });
        return targets;
    }
}
