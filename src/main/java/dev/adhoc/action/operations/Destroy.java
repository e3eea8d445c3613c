package dev.adhoc.action.operations;

import dev.adhoc.action.config.Verb;
import dev.adhoc.action.database.DatabaseAdmin;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.terraform.TerraformWorkspace;
import dev.adhoc.action.util.Deadline;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code destroy}: terraform destroy → drop the database → delete the workspace → deployment
 * inactive, comment marked destroyed. Every step tolerates what an earlier, interrupted destroy
 * already did, so a half-destroyed environment can be destroyed again; a missing one is a notice.
 */
public final class Destroy implements Operation {
    private final DestroyOptions options;

    /** {@code cleanup} makes one per environment it destroys. */
    public Destroy(DestroyOptions options) {
        this.options = options;
    }

    @Override
    public int run(Context context) {
        EnvironmentName environment = options.environment();
        Duration timeout = options.waitTimeout();
        Deadline deadline = context.poll().deadline(timeout);
        try (TerraformWorkspace workspace = TerraformWorkspace.open(options.terraform(), context.workingDirectory(),
                context.processEnvironment(), context.log(), timeout, environment, context.json(), context.clock())) {
            Lifecycle.Start start = Lifecycle.start(context, Verb.DESTROY, options, deadline);
            SharedManifest shared = start.shared();
            Optional<Manifest> existing = start.existing();
            DatabaseAdmin database = start.database();
            Reporting reporting = start.reporting();
            try {
                boolean hadWorkspace = reporting.phase("terraform", () -> {
                    workspace.init();
                    if (!workspace.exists()) return false;
                    workspace.selectOrCreate();
                    // Destroy takes no image tags: the ones running now are passed.
                    Map<String, String> variables = TerraformVariables.of(context, environment, existing, shared, Map.of());
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
                return 0;
            } catch (RuntimeException failure) {
                reporting.failed(failure);
                throw failure;
            }
        }
    }
}
