package dev.adhoc.action.terraform;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/**
 * Chooses the base priority P of an environment's rules on the shared HTTPS listener (the
 * environment module gives the backend rule P and the frontend catch-all P+1; terraform input
 * {@code listener_rule_priority}).
 *
 * <p>Bases are multiples of {@value #STEP}, each owning the block P..P+{@value #STEP}-1, so an
 * environment has room for more rules later and two environments never interleave. An
 * environment that already has rules keeps its lowest priority, so re-creating or updating it
 * never moves its rules; a new one gets the lowest block in which no rule exists yet.
 * Priorities are unique per listener, which is what makes this necessary.
 */
public final class ListenerPriorities {
    public static final int STEP = 10;
    /** The module accepts 1..49990 (the listener allows up to 50000). */
    public static final int MAX_BASE = 49_990;

    /** A rule on the listener: its priority and the host names its host-header condition matches. */
    public record Rule(int priority, List<String> hosts) {
        public Rule {
            hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        }
    }

    private final ElasticLoadBalancingV2Client elb;

    public ListenerPriorities(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    /** The base priority for the environment served at {@code <environment>.<domain>} on this listener. */
    public int forEnvironment(String listenerArn, EnvironmentName environment, String domain) {
        return choose(host(environment, domain), rules(listenerArn));
    }

    public static String host(EnvironmentName environment, String domain) {
        return environment.value() + "." + domain.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    }

    /** Every rule on the listener except the default action, all pages. */
    public List<Rule> rules(String listenerArn) {
        List<Rule> rules = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            DescribeRulesResponse response = elb.describeRules(r -> r.listenerArn(listenerArn).marker(page).pageSize(400));
            for (var rule : response.rules()) {
                if (Boolean.TRUE.equals(rule.isDefault()) || "default".equals(rule.priority())) continue;
                List<String> hosts = new ArrayList<>();
                for (RuleCondition condition : rule.conditions()) {
                    if (!"host-header".equals(condition.field())) continue;
                    if (condition.hostHeaderConfig() != null) hosts.addAll(condition.hostHeaderConfig().values());
                    hosts.addAll(condition.values());
                }
                rules.add(new Rule(Integer.parseInt(rule.priority()), hosts));
            }
            marker = response.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return rules;
    }

    /** The pure choice: the environment's existing base, else the lowest free block. */
    public static int choose(String host, List<Rule> rules) {
        String wanted = host.toLowerCase(Locale.ROOT);
        OptionalInt existing = rules.stream().filter(r -> r.hosts().contains(wanted)).mapToInt(Rule::priority).min();
        if (existing.isPresent()) return existing.getAsInt();
        boolean[] taken = new boolean[MAX_BASE / STEP + 1];
        for (Rule rule : rules) {
            int block = rule.priority() / STEP;
            if (block < taken.length) taken[block] = true;
        }
        // Block 0 (priorities 1..9) is left to rules people add by hand.
        for (int block = 1; block < taken.length; block++) {
            if (!taken[block]) return block * STEP;
        }
        throw new AdhocFailure("listener-full", "No free listener rule priority block is left on the shared listener ("
                + rules.size() + " rules). Destroy environments that are no longer needed (operation cleanup).");
    }
}
