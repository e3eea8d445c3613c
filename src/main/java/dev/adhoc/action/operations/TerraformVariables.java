package dev.adhoc.action.operations;

import dev.adhoc.action.ecs.RunningImages;
import dev.adhoc.action.loadbalancer.ListenerQuotaPreflight;
import dev.adhoc.action.loadbalancer.LoadBalancerPlacement;
import dev.adhoc.action.loadbalancer.LoadBalancerPlacement.Placement;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.loadbalancer.ListenerPriorities;
import dev.adhoc.action.terraform.TerraformWorkspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables the program passes to terraform on top of {@code <env>.tfvars}: image tags —
 * the ones given, else the ones running now, so an apply never rolls back what {@code deploy}
 * rolled out — the load balancer the environment lives on ({@code load_balancer}, when the shared
 * stack lists its load balancers) and the listener rule priority, the environment's own or a free one.
 */
final class TerraformVariables {
    private TerraformVariables() {
    }

    /** @param given the image-tag variables of the tags given as inputs, see {@link TerraformWorkspace#imageTagVariables} */
    static Map<String, String> of(Context context, EnvironmentName environment, Optional<Manifest> existing, SharedManifest shared,
            Map<String, String> given) {
        return of(context, environment, existing, shared, placement(context, environment, existing, shared), given);
    }

    /** Which load balancer the environment is (or goes) on; see {@link LoadBalancerPlacement}. */
    static Placement placement(Context context, EnvironmentName environment, Optional<Manifest> existing, SharedManifest shared) {
        return new LoadBalancerPlacement(new ListenerPriorities(context.aws().elb()),
                new ListenerQuotaPreflight(context.aws().elb(), context.aws().quotas(), context.log())).place(shared, environment, existing);
    }

    static Map<String, String> of(Context context, EnvironmentName environment, Optional<Manifest> existing, SharedManifest shared,
            Placement placement, Map<String, String> given) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (existing.isPresent() && given.size() < 2) {
            Map<String, String> running = new RunningImages(context.ecs()).of(existing.get());
            putIfKnown(variables, TerraformWorkspace.BACKEND_IMAGE_TAG, running.get(Manifest.BACKEND));
            putIfKnown(variables, TerraformWorkspace.FRONTEND_IMAGE_TAG, running.get(Manifest.FRONTEND));
            if (!variables.isEmpty()) context.log().info("Images running now, kept unless new tags are given: " + variables);
        }
        variables.putAll(given);
        int priority = existing.flatMap(m -> m.listenerRulePriority().isPresent()
                        ? Optional.of(m.listenerRulePriority().getAsInt()) : Optional.<Integer>empty())
                .orElseGet(() -> freePriority(context, environment, shared, placement));
        variables.put(TerraformWorkspace.LISTENER_RULE_PRIORITY, Integer.toString(priority));
        placement.name().ifPresent(name -> variables.put(TerraformWorkspace.LOAD_BALANCER, name));
        return variables;
    }

    /** The environment's block on its load balancer's listener as the rules are now (re-read on every call). */
    static int freePriority(Context context, EnvironmentName environment, SharedManifest shared, Placement placement) {
        return new ListenerPriorities(context.aws().elb()).forEnvironment(placement.loadBalancer().listenerArn(), environment, shared.domain());
    }

    private static void putIfKnown(Map<String, String> variables, String name, String value) {
        if (value != null) variables.put(name, value);
    }
}
