package dev.adhoc.action.operations;

import dev.adhoc.action.config.Durations;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.database.DatabaseAdmin;
import dev.adhoc.action.database.DatabaseMode;
import dev.adhoc.action.ecs.Deadline;
import dev.adhoc.action.ecs.EnvironmentRollout;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.report.SummaryBlock;
import dev.adhoc.action.terraform.SavedPlan;
import dev.adhoc.action.terraform.TerraformWorkspace;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code create}: database → plan → apply exactly that plan → pre-deploy tasks → services
 * complete → URL answers → publish. On an existing environment it is an update that keeps the
 * images running now unless new tags are given.
 */
public final class Create implements Operation {

    @Override
    public int run(Context context) {
        // Checked before anything touches AWS or terraform: name, tags, timeouts, database inputs, tfvars.
        EnvironmentName environment = context.environmentName();
        TerraformWorkspace.imageTagVariables(context.inputs());
        Duration timeout = context.waitTimeout();
        Optional<Duration> healthCheck = healthCheckTimeout(context);
        DatabaseMode.from(context.inputs());
        Deadline deadline = Deadline.after(timeout);
        try (TerraformWorkspace workspace = TerraformWorkspace.fromInputs(context.inputs(), context.workingDirectory(),
                context.environment(), context.log(), timeout, environment, context.json())) {
            Lifecycle.Start start = Lifecycle.start(context, environment, deadline);
            SharedManifest shared = start.shared();
            Optional<Manifest> existing = start.existing();
            DatabaseAdmin database = start.database();
            Reporting reporting = start.reporting();
            try {
                reporting.phase("database", () -> database.ensure(environment));
                if (existing.isEmpty()) Lifecycle.preflight(context, shared);
                Map<String, String> variables = TerraformVariables.of(context, environment, existing, shared);
                SavedPlan plan = reporting.phase("terraform", () -> {
                    workspace.prepare();
                    SavedPlan saved = workspace.plan(variables);
                    workspace.apply(saved);
                    return saved;
                });
                String planMarkdown = plan.summary().markdown("Plan applied to `" + environment + "`");
                context.outputs().set("plan-summary", planMarkdown);
                Manifest manifest = Lifecycle.parseManifest(context, workspace.manifestOutput());
                context.outputs().set("cluster", manifest.cluster());
                context.outputs().set("url", manifest.url());
                EnvironmentRollout.Outcome outcome = new EnvironmentRollout(context.aws().ecs(), context.aws().logs(), context.log())
                        .settle(manifest, deadline, reporting);
                context.outputs().set("task-definitions", Reporting.json(context, outcome.taskDefinitions()));
                healthCheck.ifPresent(bound -> reporting.phase("health check", () ->
                        new UrlCheck(context.log()).await(manifest.url(), min(bound, deadline.remaining()))));
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

    private static Optional<Duration> healthCheckTimeout(Context context) {
        String value = context.inputs().get(Input.HEALTH_CHECK_TIMEOUT).orElse("5m");
        if (value.equals("0") || value.equalsIgnoreCase("off")) return Optional.empty();
        return Optional.of(Durations.parse(Input.HEALTH_CHECK_TIMEOUT.inputName(), value));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
