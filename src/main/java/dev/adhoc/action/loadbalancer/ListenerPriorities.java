package dev.adhoc.action.loadbalancer;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.model.EnvironmentName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;
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
 * environment that already holds a block keeps it, so re-creating or updating it never moves
 * its rules. A new one starts at the block its host name hashes to and takes the first block
 * from there in which no rule exists yet: two creates running at once read the same rules, and
 * with the start spread by name they almost never pick the same block. When they do, one apply
 * fails with {@code PriorityInUse}; the block then holds rules of both, belongs to the one with
 * its lowest rule, and the other moves on its retry ({@code create} re-plans with a new choice).
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

    /** The pure choice: the environment's own block, else the first free block from where its host hashes to. */
    public static int choose(String host, List<Rule> rules) {
        String wanted = host.toLowerCase(Locale.ROOT);
        int blocks = MAX_BASE / STEP;
        // Block 0 (priorities 1..9) is left to rules people add by hand.
        Map<Integer, Rule> lowestByBlock = new TreeMap<>();
        for (Rule rule : rules) {
            int block = rule.priority() / STEP;
            if (block < 1 || block > blocks) continue;
            lowestByBlock.merge(block, rule, (a, b) -> a.priority() <= b.priority() ? a : b);
        }
        for (Map.Entry<Integer, Rule> block : lowestByBlock.entrySet()) {
            if (block.getValue().hosts().contains(wanted)) return block.getKey() * STEP;
        }
        int home = home(wanted);
        for (int probe = 0; probe < blocks; probe++) {
            int block = 1 + Math.floorMod(home - 1 + probe, blocks);
            if (!lowestByBlock.containsKey(block)) return block * STEP;
        }
        throw new AdhocFailure(FailureReason.LISTENER_FULL, "No free listener rule priority block is left on the shared listener ("
                + rules.size() + " rules). Destroy environments that are no longer needed (operation cleanup).");
    }

    /** The block a host's search starts at (1..MAX_BASE/STEP): a stable hash of the name, the same in every run. */
    public static int home(String host) {
        CRC32 crc = new CRC32();
        crc.update(host.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return 1 + (int) (crc.getValue() % (MAX_BASE / STEP));
    }
}
