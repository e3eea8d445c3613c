package dev.adhoc.action.fleet;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * Before {@code create} applies terraform: is there room on the shared load balancer for one
 * more environment? Every environment adds {@link #RULES_PER_ENVIRONMENT} listener rules and
 * {@link #TARGET_GROUPS_PER_ENVIRONMENT} target groups to the one shared ALB, and both are capped
 * per load balancer. Failing here takes a second; failing in terraform leaves a half-made environment.
 */
public final class ListenerQuotaPreflight {
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

    public ListenerQuotaPreflight(ElasticLoadBalancingV2Client elb, ServiceQuotasClient quotas, JobLog log) {
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

    /** Headroom on the shared load balancer; {@link #environmentsThatFit()} more environments fit. */
    public record Headroom(String loadBalancerArn, Usage rules, Usage targetGroups) {
        public int environmentsThatFit() {
            return Math.max(0, Math.min(rules.free() / RULES_PER_ENVIRONMENT, targetGroups.free() / TARGET_GROUPS_PER_ENVIRONMENT));
        }
    }

    /** Throws {@code quota-exceeded} when one more environment would not fit; otherwise returns the headroom. */
    public Headroom check(SharedManifest shared) {
        Headroom headroom = measure(shared);
        for (Usage usage : List.of(headroom.rules(), headroom.targetGroups())) {
            log.info("Shared load balancer: " + usage.used() + " of " + usage.limit() + " " + usage.what() + " used ("
                    + usage.quotaName() + ", " + usage.quotaCode() + ", " + usage.source() + ")");
        }
        Usage rules = headroom.rules();
        if (rules.free() < RULES_PER_ENVIRONMENT) {
            throw new AdhocFailure("quota-exceeded", "No room for another environment on the shared load balancer: " + rules.used()
                    + " of " + rules.limit() + " listener rules are used and an environment needs " + RULES_PER_ENVIRONMENT
                    + ". Destroy idle environments (operation: cleanup), or request an increase of the Service Quotas quota '"
                    + rules.quotaName() + "' (" + SERVICE + " " + rules.quotaCode() + ").");
        }
        Usage groups = headroom.targetGroups();
        if (groups.free() < TARGET_GROUPS_PER_ENVIRONMENT) {
            throw new AdhocFailure("quota-exceeded", "No room for another environment on the shared load balancer: " + groups.used()
                    + " of " + groups.limit() + " target groups are attached and an environment needs " + TARGET_GROUPS_PER_ENVIRONMENT
                    + ". Destroy idle environments (operation: cleanup); the quota '" + groups.quotaName() + "' (" + SERVICE + " "
                    + groups.quotaCode() + ") cannot be increased, so more environments need a second shared stack.");
        }
        return headroom;
    }

    public Headroom measure(SharedManifest shared) {
        if (shared.listenerArn() == null || shared.listenerArn().isBlank()) {
            throw new AdhocFailure("invalid-manifest", "The shared manifest names no listenerArn, so the load balancer's room for "
                    + "another environment cannot be checked. Re-apply the shared stack (examples/shared) with this version of the module.");
        }
        Listener listener;
        try {
            listener = elb.describeListeners(r -> r.listenerArns(shared.listenerArn())).listeners().get(0);
        } catch (ListenerNotFoundException e) {
            throw new AdhocFailure("shared-stack-missing", "The shared listener " + shared.listenerArn() + " does not exist. "
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
        return new Headroom(loadBalancer, usage("listener rules", rules, RULES), usage("target groups", targetGroups, TARGET_GROUPS));
    }

    private Usage usage(String what, int used, Quota quota) {
        try {
            Double value = quotas.getServiceQuota(r -> r.serviceCode(SERVICE).quotaCode(quota.code())).quota().value();
            if (value != null) return new Usage(what, used, value.intValue(), quota.code(), quota.name(), "from Service Quotas");
        } catch (SdkException e) {
            // No permission, no applied value, or no Service Quotas here: the documented default is the safe assumption.
        }
        return new Usage(what, used, quota.documentedDefault(), quota.code(), quota.name(), "the documented default; Service Quotas did not answer");
    }
}
