package dev.adhoc.action.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.fleet.EnvironmentStatus;
import dev.adhoc.action.fleet.FleetStatus;
import dev.adhoc.action.text.Table;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.runtime.SummaryBlock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.loadbalancer.ListenerQuotaPreflight;
import dev.adhoc.action.manifest.SharedManifest;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code list}: every environment under manifest-prefix with its URL, images, age, last deploy,
 * task counts and state. Output {@code environments} (JSON), a table in the log and the summary;
 * then, given a shared stack, a second table of each load balancer's capacity (listener rules and
 * target groups used against their quotas, and room for how many more environments).
 */
public final class ListEnvironments implements Operation {
    private final ListOptions options;

    public ListEnvironments(ListOptions options) {
        this.options = options;
    }

    @Override
    public int run(Context context) {
        var store = context.manifests(options.manifestPrefix());
        List<EnvironmentStatus> environments = new FleetStatus(context.ecs(), context.aws().ssm(), context.log()).read(store);
        Instant now = context.clock().instant();
        context.outputs().set("environments", json(context, environments));

        Table table = table(environments, now);
        if (environments.isEmpty()) {
            context.log().info("No environments under " + options.manifestPrefix() + ".");
        } else {
            table.text().forEach(context.log()::info);
        }
        environments.stream().filter(e -> e.problem().isPresent())
                .forEach(e -> context.log().warning("Could not read the services of " + e.environment() + ": " + e.problem().get()));
        // The terminal has just shown the table as text; only GitHub's job summary needs it again.
        context.summary().append(new SummaryBlock("## Environments (" + environments.size() + ")\n\n"
                + (environments.isEmpty() ? "None.\n" : table.markdown()), ""));
        capacity(context, store).ifPresent(capacity -> {
            capacity.text().forEach(context.log()::info);
            context.summary().append(new SummaryBlock("## Load balancers\n\n" + capacity.markdown(), ""));
        });
        return 0;
    }

    /** Rules and target groups used and left on each of the shared stack's load balancers; empty without a shared stack. */
    static Optional<Table> capacity(Context context, ManifestStore manifests) {
        List<ListenerQuotaPreflight.Headroom> all;
        try {
            SharedManifest shared = manifests.shared();
            all = new ListenerQuotaPreflight(context.aws().elb(), context.aws().quotas(), context.log()).measureAll(shared);
        } catch (AdhocFailure | SdkException e) {
            context.log().info("Load balancer capacity not shown: " + e.getMessage());
            return Optional.empty();
        }
        Table table = new Table("load balancer", "listener rules", "target groups", "room for");
        for (ListenerQuotaPreflight.Headroom h : all) {
            table.row(h.loadBalancer().name().isEmpty() ? "(shared)" : h.loadBalancer().name(),
                    h.rules().used() + " of " + h.rules().limit(), h.targetGroups().used() + " of " + h.targetGroups().limit(),
                    h.environmentsThatFit() + " more environments");
        }
        return Optional.of(table);
    }

    static Table table(List<EnvironmentStatus> environments, Instant now) {
        Table table = new Table("environment", "state", "tasks", "backend", "frontend", "age", "last deploy", "load balancer", "url");
        for (EnvironmentStatus e : environments) {
            table.row(e.environment(), e.state().label(), e.runningCount() + "/" + e.desiredCount(),
                    e.images().getOrDefault(Manifest.BACKEND, "-"), e.images().getOrDefault(Manifest.FRONTEND, "-"),
                    Durations.age(Duration.between(e.created(), now)), e.lastDeploy().map(Durations::instant).orElse("-"),
                    e.loadBalancer().orElse("-"), e.url());
        }
        return table;
    }

    static ObjectNode json(Context context, EnvironmentStatus e) {
        ObjectNode node = context.json().createObjectNode();
        node.put("environment", e.environment());
        node.put("url", e.url());
        node.put("state", e.state().label());
        ObjectNode images = node.putObject("images");
        e.images().forEach(images::put);
        node.put("created", e.created().toString());
        node.put("lastDeploy", e.lastDeploy().map(Instant::toString).orElse(null));
        node.put("runningCount", e.runningCount());
        node.put("desiredCount", e.desiredCount());
        e.problem().ifPresent(p -> node.put("problem", p));
        e.loadBalancer().ifPresent(lb -> node.put("loadBalancer", lb));
        return node;
    }

    private static String json(Context context, List<EnvironmentStatus> environments) {
        ArrayNode array = context.json().createArrayNode();
        environments.forEach(e -> array.add(json(context, e)));
        try {
            return context.json().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
