package dev.adhoc.action.operations;

import dev.adhoc.action.ecs.RunningImages;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.terraform.ListenerPriorities;
import dev.adhoc.action.terraform.TerraformWorkspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables the program passes to terraform on top of {@code <env>.tfvars}: image tags —
 * the ones given, else the ones running now, so an apply never rolls back what {@code deploy}
 * rolled out — and the listener rule priority, the environment's own or a free one.
 */
final class TerraformVariables {
    private TerraformVariables() {
    }

    static Map<String, String> of(Context context, EnvironmentName environment, Optional<Manifest> existing, SharedManifest shared) {
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> given = TerraformWorkspace.imageTagVariables(context.inputs());
        if (existing.isPresent() && given.size() < 2) {
            Map<String, String> running = new RunningImages(context.aws().ecs()).of(existing.get());
            putIfKnown(variables, TerraformWorkspace.BACKEND_IMAGE_TAG, running.get(Manifest.BACKEND));
            putIfKnown(variables, TerraformWorkspace.FRONTEND_IMAGE_TAG, running.get(Manifest.FRONTEND));
            if (!variables.isEmpty()) context.log().info("Images running now, kept unless new tags are given: " + variables);
        }
        variables.putAll(given);
        int priority = existing.flatMap(m -> m.listenerRulePriority().isPresent()
                        ? Optional.of(m.listenerRulePriority().getAsInt()) : Optional.<Integer>empty())
                .orElseGet(() -> new ListenerPriorities(context.aws().elb()).forEnvironment(shared.listenerArn(), environment, shared.domain()));
        variables.put(TerraformWorkspace.LISTENER_RULE_PRIORITY, Integer.toString(priority));
        return variables;
    }

    private static void putIfKnown(Map<String, String> variables, String name, String value) {
        if (value != null) variables.put(name, value);
    }
}
