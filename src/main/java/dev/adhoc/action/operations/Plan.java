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
    @Override
    public int run(Context context) {
        // Both checked before terraform runs: a bad name or a missing tfvars file touches nothing.
        EnvironmentName environment = context.environmentName();
        TerraformWorkspace.imageTagVariables(context.inputs());
        try (TerraformWorkspace workspace = TerraformWorkspace.fromInputs(context.inputs(), context.workingDirectory(),
                context.environment(), context.log(), context.waitTimeout(), environment, context.json())) {
            context.outputs().set("environment", environment.value());
            // The same variables create would pass, so the plan shows what create would do.
            ManifestStore manifests = context.manifests();
            SharedManifest shared = manifests.shared();
            shared.checkEnvironmentName(environment);
            Map<String, String> variables = TerraformVariables.of(context, environment,
                    manifests.find(environment).map(ManifestStore.Stored::manifest), shared);
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
