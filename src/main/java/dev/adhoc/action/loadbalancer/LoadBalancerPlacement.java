package dev.adhoc.action.loadbalancer;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.loadbalancer.LoadBalancerHeadroom.Headroom;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.manifest.SharedManifest.LoadBalancer;
import dev.adhoc.action.model.EnvironmentName;
import java.util.List;
import java.util.Optional;

/**
 * Which of the shared stack's load balancers an environment lives on. An environment keeps its
 * load balancer for life: the one its manifest names, else the one whose listener already has its
 * rules (an environment whose create was interrupted before the manifest was written). A new
 * environment goes on the load balancer with the most room, measured in rules and target groups.
 */
public final class LoadBalancerPlacement {
    private final ListenerPriorities priorities;
    private final LoadBalancerHeadroom headroom;

    public LoadBalancerPlacement(ListenerPriorities priorities, LoadBalancerHeadroom headroom) {
        this.priorities = priorities;
        this.headroom = headroom;
    }

    /**
     * Where the environment is. {@code measured} holds every load balancer's headroom when the
     * environment is new (so the preflight can check the chosen one), else nothing.
     */
    public record Placement(LoadBalancer loadBalancer, boolean isNew, List<Headroom> measured) {
        /** The name terraform gets as {@code load_balancer}; empty for a stack that publishes no load balancer list. */
        public Optional<String> name() {
            return Optional.of(loadBalancer.name()).filter(n -> !n.isBlank());
        }

        public Optional<Headroom> headroom() {
            return measured.stream().filter(h -> h.loadBalancer().equals(loadBalancer)).findFirst();
        }
    }

    public Placement place(SharedManifest shared, EnvironmentName environment, Optional<Manifest> existing) {
        List<LoadBalancer> all = LoadBalancerHeadroom.loadBalancers(shared);
        Optional<String> recorded = existing.flatMap(Manifest::loadBalancer);
        if (recorded.isPresent()) {
            LoadBalancer named = all.stream().filter(lb -> lb.name().equals(recorded.get())).findFirst()
                    .orElseThrow(() -> new AdhocFailure(FailureReason.SHARED_STACK_MISMATCH, "Environment " + environment + " lives on load balancer '"
                            + recorded.get() + "', which the shared stack no longer lists (it lists " + names(all) + "). Put it back in "
                            + "the shared stack's load balancer list, or destroy the environment and create it again."));
            return new Placement(named, false, List.of());
        }
        if (all.size() == 1 && existing.isPresent()) return new Placement(all.get(0), false, List.of());
        String host = ListenerPriorities.host(environment, shared.domain());
        for (LoadBalancer each : all) {
            if (priorities.rules(each.listenerArn()).stream().anyMatch(r -> r.hosts().contains(host))) {
                return new Placement(each, false, List.of());
            }
        }
        List<Headroom> measured = headroom.measureAll(shared);
        return new Placement(LoadBalancerHeadroom.mostRoom(measured).loadBalancer(), true, measured);
    }

    private static String names(List<LoadBalancer> all) {
        return String.join(", ", all.stream().map(LoadBalancer::name).toList());
    }
}
