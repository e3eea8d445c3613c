package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.database.DatabaseAdmin;
import dev.adhoc.action.database.DatabaseAdmins;
import dev.adhoc.action.database.DatabaseMode;
import dev.adhoc.action.database.DatabaseOptions;
import dev.adhoc.action.database.OneOffTaskRunner;
import dev.adhoc.action.ecs.OneOffTasks;
import dev.adhoc.action.fleet.CapacityPreflight;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.loadbalancer.LoadBalancerHeadroom;
import dev.adhoc.action.loadbalancer.LoadBalancerPlacement;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.terraform.TerraformOptions;
import dev.adhoc.action.util.Deadline;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Pieces {@code create} and {@code destroy} share. */
final class Lifecycle {
    private Lifecycle() {
    }

    /** The inputs both take: {@link CreateOptions} and {@link DestroyOptions}. */
    sealed interface Options permits CreateOptions, DestroyOptions {
        EnvironmentName environment();

        TerraformOptions terraform();

        String manifestPrefix();

        Duration waitTimeout();

        DatabaseOptions database();

        GitHubOptions github();
    }

    /** What both read before acting: the shared stack, the environment as it is, its database admin, the report of {@code verb}. */
    record Start(SharedManifest shared, Optional<Manifest> existing, DatabaseAdmin database, Reporting reporting) {
    }

    static Start start(Context context, Verb verb, Options options, Deadline deadline) {
        EnvironmentName environment = options.environment();
        context.outputs().set("environment", environment.value());
        ManifestStore manifests = context.manifests(options.manifestPrefix());
        SharedManifest shared = manifests.shared();
        shared.checkEnvironmentName(environment);
        Optional<Manifest> existing = manifests.find(environment).map(ManifestStore.Stored::manifest);
        DatabaseAdmin database = DatabaseAdmins.create(options.database(), options.waitTimeout(), context.log(), shared,
                context.aws().secrets(), context.json(), taskRunner(context, deadline), context.poll());
        return new Start(shared, existing, database, Reporting.start(context, verb, options.github(), environment, existing));
    }

    /** Runs the database-admin task through the same one-off task code as migrations. */
    static OneOffTaskRunner taskRunner(Context context, Deadline deadline) {
        return (cluster, family, container, command, network) -> {
            TaskDefinition definition = context.ecs().describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
            return new OneOffTasks(context.ecs(), context.aws().logs(), context.log(), context.poll())
                    .run(cluster, definition, network, Optional.of(new OneOffTasks.CommandOverride(container, command)), deadline)
                    .exitCode();
        };
    }

    static Manifest parseManifest(Context context, String json) {
        try {
            return Manifest.parse(json, context.json());
        } catch (IllegalArgumentException e) {
            throw new AdhocFailure(FailureReason.INVALID_MANIFEST, "terraform's 'manifest' output is not a valid environment manifest: "
                    + e.getMessage() + ". Use the environment module of this version of adhoc-action.");
        }
    }

    /**
     * Room for one more environment, before anything changes: on the load balancer it is placed on,
     * and in the account's Fargate vCPU, ECS cluster and database connection limits.
     */
    static void preflight(Context context, Options options, SharedManifest shared, LoadBalancerPlacement.Placement placement) {
        placement.headroom().ifPresent(chosen ->
                new LoadBalancerHeadroom(context.aws().elb(), context.aws().quotas(), context.log()).check(chosen, placement.measured()));
        int environments = context.manifests(options.manifestPrefix()).list(problem -> { }).size();
        boolean databaseRole = options.database().mode() != DatabaseMode.NONE;
        new CapacityPreflight(context.ecs(), context.aws().quotas(), context.log())
                .check(shared, environments, databaseRole, CapacityPreflight.Need.MODULE_DEFAULTS);
    }
}
