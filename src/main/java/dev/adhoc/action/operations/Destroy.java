package dev.adhoc.action.operations;

import dev.adhoc.action.database.DatabaseAdmin;
import dev.adhoc.action.database.DatabaseMode;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.terraform.TerraformWorkspace;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code destroy}: terraform destroy → drop the database → delete the workspace → deployment
 * inactive, comment marked destroyed. Every step tolerates what an earlier, interrupted destroy
 * already did, so a half-destroyed environment can be destroyed again; a missing one is a notice.
 */
public final class Destroy implements Operation {

    @Override
    public int run(Context context) {
        EnvironmentName environment = context.environmentName();
        destroy(context, environment);
        return 0;
    }

    /** The lifecycle destroy of one environment; {@code cleanup} calls this for each expired one. */
    public void destroy(Context context, EnvironmentName environment) {
        Duration timeout = context.waitTimeout();
        DatabaseMode.from(context.inputs());
        Deadline deadline = Deadline.after(timeout);
        try (TerraformWorkspace workspace = TerraformWorkspace.fromInputs(context.inputs(), context.workingDirectory(),
                context.environment(), context.log(), timeout, environment, context.json())) {
            Lifecycle.Start start = Lifecycle.start(context, OperationName.DESTROY, environment, deadline);
            SharedManifest shared = start.shared();
            Optional<Manifest> existing = start.existing();
            DatabaseAdmin database = start.database();
            Reporting reporting = start.reporting();
            try {
                boolean hadWorkspace = reporting.phase("terraform", () -> {
                    workspace.init();
                    if (!workspace.exists()) return false;
                    workspace.selectOrCreate();
                    Map<String, String> variables = TerraformVariables.of(context, environment, existing, shared);
                    workspace.destroy(variables);
                    return true;
                });
                reporting.phase("database", () -> database.drop(environment));
                if (hadWorkspace) {
                    workspace.delete();
                } else {
                    context.log().notice("Environment " + environment + " has no terraform workspace: there was nothing to destroy"
                            + (existing.isPresent() ? " in terraform" : "") + ".");
                }
                reporting.destroyed();
            } catch (RuntimeException failure) {
                reporting.failed(failure);
                throw failure;
            }
        }
    }
}
