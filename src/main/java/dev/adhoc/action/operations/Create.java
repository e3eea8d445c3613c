package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.database.DatabaseAdmin;
import dev.adhoc.action.ecs.EnvironmentRollout;
import dev.adhoc.action.loadbalancer.LoadBalancerPlacement.Placement;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.SummaryBlock;
import dev.adhoc.action.terraform.SavedPlan;
import dev.adhoc.action.terraform.TerraformWorkspace;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code create}: database → plan → apply exactly that plan → pre-deploy tasks → services
 * complete → URL answers → publish. On an existing environment it is an update that keeps the
 * images running now unless new tags are given.
 */
public final class Create implements Operation {
    /** How many applies a create tries when concurrent creates keep taking its listener rule priorities. */
    static final int PRIORITY_ATTEMPTS = 4;

    private final CreateOptions options;

    public Create(CreateOptions options) {
        this.options = options;
    }

    @Override
    public int run(Context context) {
        EnvironmentName environment = options.environment();
        Duration timeout = options.waitTimeout();
        Poll poll = context.poll();
        Deadline deadline = poll.deadline(timeout);
        // Checked before anything touches AWS or terraform: the terraform directory and tfvars.
        try (TerraformWorkspace workspace = TerraformWorkspace.open(options.terraform(), context.workingDirectory(),
                context.processEnvironment(), context.log(), timeout, environment, context.json(), context.clock())) {
            Lifecycle.Start start = Lifecycle.start(context, Verb.CREATE, options, deadline);
            SharedManifest shared = start.shared();
            Optional<Manifest> existing = start.existing();
            DatabaseAdmin database = start.database();
            Reporting reporting = start.reporting().deploying();
            try {
                Placement placement = TerraformVariables.placement(context, environment, existing, shared);
                if (placement.isNew()) Lifecycle.preflight(context, options, shared, placement);
                reporting.phase("database", () -> database.ensure(environment));
                Map<String, String> variables = TerraformVariables.of(context, environment, existing, shared, placement,
                        TerraformWorkspace.imageTagVariables(options.backendImageTag(), options.frontendImageTag()));
                SavedPlan plan = reporting.phase("terraform", () -> {
                    workspace.prepare();
                    return planAndApply(context, workspace, environment, shared, placement, variables, poll);
                });
                String planMarkdown = plan.summary().markdown("Plan applied to `" + environment + "`");
                context.outputs().set("plan-summary", planMarkdown);
                Manifest manifest = Lifecycle.parseManifest(context, workspace.manifestOutput());
                context.outputs().set("cluster", manifest.cluster());
                context.outputs().set("url", manifest.url());
                EnvironmentRollout.Outcome outcome = new EnvironmentRollout(context.ecs(), context.aws().logs(),
                        context.log(), poll).settle(manifest, deadline, reporting);
                context.outputs().set("task-definitions", Reporting.json(context, outcome.taskDefinitions()));
                options.healthCheckTimeout().ifPresent(bound -> reporting.phase("health check", () ->
                        new UrlCheck(context.log(), poll).await(manifest.url(), min(bound, deadline.remaining(context.clock())))));
                reporting.succeeded(manifest, outcome,
                        Optional.of(new SummaryBlock(planMarkdown, plan.summary().text("Plan applied to " + environment))));
                context.log().notice("Environment " + environment + " is ready: " + manifest.url());
                return 0;
            } catch (RuntimeException failure) {
                reporting.failed(failure);
                throw failure;
            }
        }
    }

    /**
     * Plans and applies; an apply that lost its listener rule priorities to a concurrent create
     * ({@code PriorityInUse}) is planned again with the block the rules now leave it, a few times.
     */
    private static SavedPlan planAndApply(Context context, TerraformWorkspace workspace, EnvironmentName environment,
            SharedManifest shared, Placement placement, Map<String, String> variables, Poll poll) {
        Map<String, String> current = new LinkedHashMap<>(variables);
        for (int attempt = 1; ; attempt++) {
            SavedPlan saved = workspace.plan(current);
            try {
                workspace.apply(saved);
                return saved;
            } catch (AdhocFailure failure) {
                if (!failure.is(FailureReason.PRIORITY_IN_USE) || attempt >= PRIORITY_ATTEMPTS) throw failure;
                // The other apply is still running: give it a moment to finish taking its block.
                poll.pause(Duration.ofSeconds(attempt));
                int next = TerraformVariables.freePriority(context, environment, shared, placement);
                context.log().warning("Listener rule priority " + current.get(TerraformWorkspace.LISTENER_RULE_PRIORITY)
                        + " was taken by another environment created at the same time; planning again with " + next
                        + " (attempt " + (attempt + 1) + " of " + PRIORITY_ATTEMPTS + ").");
                current.put(TerraformWorkspace.LISTENER_RULE_PRIORITY, Integer.toString(next));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
