package dev.adhoc.action.operations;

import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.SummaryBlock;
import dev.adhoc.action.terraform.SavedPlan;
import dev.adhoc.action.terraform.TerraformWorkspace;
import java.util.Map;

/**
 * {@code plan}: what {@code create} would change in the environment, without changing it.
 * init → select or create workspace {@code <env>} → plan with {@code <env>.tfvars} to a saved
 * plan → its summary to the job summary and the {@code plan-summary} output.
 */
public final class Plan implements Operation {
    private final PlanOptions options;

    public Plan(PlanOptions options) {
        this.options = options;
    }

    @Override
    public int run(Context context) {
        EnvironmentName environment = options.environment();
        // Checked before terraform runs: a missing tfvars file touches nothing.
        try (TerraformWorkspace workspace = TerraformWorkspace.open(options.terraform(), context.workingDirectory(),
                context.processEnvironment(), context.log(), options.waitTimeout(), environment, context.json(), context.clock())) {
            context.outputs().set("environment", environment.value());
            // The same variables create would pass, so the plan shows what create would do.
            ManifestStore manifests = context.manifests(options.manifestPrefix());
            SharedManifest shared = manifests.shared();
            shared.checkEnvironmentName(environment);
            Map<String, String> variables = TerraformVariables.of(context, environment,
                    manifests.find(environment).map(ManifestStore.Stored::manifest), shared,
                    TerraformWorkspace.imageTagVariables(options.backendImageTag(), options.frontendImageTag()));
            workspace.prepare();
            SavedPlan plan = workspace.plan(variables);
            String markdown = plan.summary().markdown("Plan for environment `" + environment + "`");
            context.summary().append(new SummaryBlock(markdown, plan.summary().text("Plan for environment " + environment)));
            context.outputs().set("plan-summary", markdown);
            context.log().notice("Environment '" + environment + "': " + plan.summary().line());
            return 0;
        }
    }
}
