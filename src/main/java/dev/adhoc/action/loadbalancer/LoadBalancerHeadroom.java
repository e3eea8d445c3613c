package dev.adhoc.action.loadbalancer;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.aws.ServiceQuotas;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * The room left on each shared load balancer, in listener rules and target groups against their
 * quotas: placement measures it to choose a new environment's load balancer, {@code list} shows it
 * as the capacity table, and before {@code create} applies terraform it is checked for one more
 * environment. Every environment adds {@link #RULES_PER_ENVIRONMENT} listener rules and
 * {@link #TARGET_GROUPS_PER_ENVIRONMENT} target groups to one shared ALB, and both are capped
 * per load balancer. Failing here takes a second; failing in terraform leaves a half-made environment.
 */
public final class LoadBalancerHeadroom {
    public static final int RULES_PER_ENVIRONMENT = 2;
    public static final int TARGET_GROUPS_PER_ENVIRONMENT = 2;
    static final String SERVICE = "elasticloadbalancing";
    /** Service Quotas: "Rules per Application Load Balancer" (excluding default rules), adjustable. */
    static final Quota RULES = new Quota("L-7EED9B64", "Rules per Application Load Balancer", 100);
    /** Service Quotas: "Target Groups per Application Load Balancer", not adjustable. */
    static final Quota TARGET_GROUPS = new Quota("L-822D1B1B", "Target Groups per Application Load Balancer", 100);

    private final ElasticLoadBalancingV2Client elb;
    private final ServiceQuotasClient quotas;
    private final JobLog log;

    public LoadBalancerHeadroom(ElasticLoadBalancingV2Client elb, ServiceQuotasClient quotas, JobLog log) {
        this.elb = elb;
        this.quotas = quotas;
        this.log = log;
    }

    record Quota(String code, String name, int documentedDefault) {
    }

    /** One limit as found: how many are used, the quota, and where the quota's value came from. */
    public record Usage(String what, int used, int limit, String quotaCode, String quotaName, String source) {
        public int free() {
            return limit - used;
        }
    }

    /** Headroom on one load balancer; {@link #environmentsThatFit()} more environments fit. */
    public record Headroom(SharedManifest.LoadBalancer loadBalancer, String loadBalancerArn, Usage rules, Usage targetGroups) {
        public int environmentsThatFit() {
            return Math.max(0, Math.min(rules.free() / RULES_PER_ENVIRONMENT, targetGroups.free() / TARGET_GROUPS_PER_ENVIRONMENT));
        }

        /** Environments as many as the tighter of the two limits allows on an empty load balancer. */
        public int capacity() {
            return Math.min(rules.limit() / RULES_PER_ENVIRONMENT, targetGroups.limit() / TARGET_GROUPS_PER_ENVIRONMENT);
        }
    }

    /** The shared stack's load balancers: its list, or the one listener a stack that predates the list publishes. */
    public static List<SharedManifest.LoadBalancer> loadBalancers(SharedManifest shared) {
        if (!shared.loadBalancers().isEmpty()) return shared.loadBalancers();
        if (shared.listenerArn() == null || shared.listenerArn().isBlank()) {
            throw new AdhocFailure(FailureReason.INVALID_MANIFEST, "The shared manifest names no listenerArn and no loadBalancers, so there is no "
                    + "load balancer to place the environment on. Re-apply the shared stack (examples/shared) with this version of the module.");
        }
        return List.of(new SharedManifest.LoadBalancer("", "", shared.listenerArn(), "", ""));
    }

    /** The load balancer a new environment goes on: the one with the most room (the first of equals, in the stack's order). */
    public static Headroom mostRoom(List<Headroom> all) {
        Headroom best = all.get(0);
        for (Headroom each : all) {
            if (each.environmentsThatFit() > best.environmentsThatFit()) best = each;
        }
        return best;
    }

    /** Throws {@code quota-exceeded} when one more environment would not fit on {@code chosen}. */
    public void check(Headroom chosen, List<Headroom> all) {
        for (Headroom headroom : all) {
            String which = headroom.loadBalancer().name().isEmpty() ? "Shared load balancer" : "Load balancer " + headroom.loadBalancer().name();
            for (Usage usage : List.of(headroom.rules(), headroom.targetGroups())) {
                log.info(which + ": " + usage.used() + " of " + usage.limit() + " " + usage.what() + " used ("
                        + usage.quotaName() + ", " + usage.quotaCode() + ", " + usage.source() + ")");
            }
        }
        if (chosen.environmentsThatFit() > 0) return;
        if (all.size() > 1) {
            int environments = all.stream().mapToInt(Headroom::capacity).sum();
            throw new AdhocFailure(FailureReason.QUOTA_EXCEEDED, "No room for another environment on any of the shared stack's " + all.size()
                    + " load balancers: each holds at most " + chosen.capacity() + " environments (" + RULES_PER_ENVIRONMENT
                    + " listener rules and " + TARGET_GROUPS_PER_ENVIRONMENT + " target groups each; quotas '" + RULES.name() + "' and '"
                    + TARGET_GROUPS.name() + "') and all " + environments + " places are taken. Add a load balancer to the shared stack "
                    + "(one more in its load balancer list, one apply; existing environments stay where they are), or destroy idle "
                    + "environments (operation: cleanup).");
        }
        Usage rules = chosen.rules();
        if (rules.free() < RULES_PER_ENVIRONMENT) {
            throw new AdhocFailure(FailureReason.QUOTA_EXCEEDED, "No room for another environment on the shared load balancer: " + rules.used()
                    + " of " + rules.limit() + " listener rules are used and an environment needs " + RULES_PER_ENVIRONMENT
                    + ". Destroy idle environments (operation: cleanup), or request an increase of the Service Quotas quota '"
                    + rules.quotaName() + "' (" + SERVICE + " " + rules.quotaCode() + ").");
        }
        Usage groups = chosen.targetGroups();
        throw new AdhocFailure(FailureReason.QUOTA_EXCEEDED, "No room for another environment on the shared load balancer: " + groups.used()
                + " of " + groups.limit() + " target groups are attached and an environment needs " + TARGET_GROUPS_PER_ENVIRONMENT
                + ". Destroy idle environments (operation: cleanup); the quota '" + groups.quotaName() + "' (" + SERVICE + " "
                + groups.quotaCode() + ") cannot be increased, so more environments need another load balancer in the shared stack.");
    }

    /** The headroom of every load balancer of the stack, in its order (the quotas are read once). */
    public List<Headroom> measureAll(SharedManifest shared) {
        Limit rules = limit(RULES);
        Limit targetGroups = limit(TARGET_GROUPS);
        List<Headroom> all = new ArrayList<>();
        for (SharedManifest.LoadBalancer each : loadBalancers(shared)) all.add(measure(each, rules, targetGroups));
        return all;
    }

    private record Limit(Quota quota, int value, String source) {
    }

    private Headroom measure(SharedManifest.LoadBalancer target, Limit ruleLimit, Limit groupLimit) {
        Listener listener;
        try {
            listener = elb.describeListeners(r -> r.listenerArns(target.listenerArn())).listeners().get(0);
        } catch (ListenerNotFoundException e) {
            throw new AdhocFailure(FailureReason.SHARED_STACK_MISSING, "The shared listener " + target.listenerArn() + " does not exist. "
                    + "Re-apply the shared stack (examples/shared), or check 'manifest-prefix'.");
        }
        String loadBalancer = listener.loadBalancerArn();
        // The quota is per load balancer, so rules on every listener count (the HTTP redirect listener has none of its own).
        int rules = elb.describeListenersPaginator(r -> r.loadBalancerArn(loadBalancer)).listeners().stream()
                .mapToInt(l -> (int) elb.describeRulesPaginator(r -> r.listenerArn(l.listenerArn())).rules().stream()
                        .filter(rule -> !Boolean.TRUE.equals(rule.isDefault())).count())
                .sum();
        int targetGroups;
        try {
            targetGroups = (int) elb.describeTargetGroupsPaginator(r -> r.loadBalancerArn(loadBalancer)).targetGroups().stream().count();
        } catch (TargetGroupNotFoundException none) {
            targetGroups = 0;
        }
        return new Headroom(target, loadBalancer, usage("listener rules", rules, ruleLimit), usage("target groups", targetGroups, groupLimit));
    }

    private static Usage usage(String what, int used, Limit limit) {
        return new Usage(what, used, limit.value(), limit.quota().code(), limit.quota().name(), limit.source());
    }

    private Limit limit(Quota quota) {
        OptionalDouble value = ServiceQuotas.value(quotas, SERVICE, quota.code());
        if (value.isPresent()) return new Limit(quota, (int) value.getAsDouble(), "from Service Quotas");
        // No permission, no applied value, or no Service Quotas here: the documented default is the safe assumption.
        return new Limit(quota, quota.documentedDefault(), "the documented default; Service Quotas did not answer");
    }
}
