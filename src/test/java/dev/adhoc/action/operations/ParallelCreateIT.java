package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.loadbalancer.ListenerPriorities;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import dev.adhoc.action.testing.TerraformFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Four creates and a destroy at once against one shared stack, each in its own checkout as
 * concurrent workflow runs are, with real terraform on the local AWS (which refuses a listener
 * rule priority already in use, as ELB does). Two of the new names hash to the same priority
 * block, so their creates surely race for it: one must re-plan and still succeed.
 */
class ParallelCreateIT {
    private static final String DOMAIN = "adhoc.test";
    @TempDir
    static Path work;
    private static LocalAws aws;
    private static TerraformFixture terraform;
    private static ElasticLoadBalancingV2Client elb;
    private static SsmClient ssm;

    @BeforeAll
    static void applyShared() {
        aws = LocalAws.start();
        aws.behaviour("{\"deploymentSeconds\": 0.3, \"taskSeconds\": 0.3}");
        terraform = TerraformFixture.applyShared(aws, work);
        elb = aws.client(ElasticLoadBalancingV2Client.builder());
        ssm = aws.client(SsmClient.builder());
    }

    @AfterAll
    static void stop() {
        if (elb != null) elb.close();
        if (ssm != null) ssm.close();
        if (aws != null) aws.close();
    }

    private static Program.Result run(String operation, String environment) {
        Map<String, String> inputs = new HashMap<>(Map.of(
                "operation", operation,
                "environment", environment,
                "terraform-directory", terraform.adHocCheckout(environment).toString(),
                "var-file", "local.tfvars",
                "backend-config", "local.backend.hcl",
                "database", "none",
                "health-check-timeout", "off",
                "wait-timeout", "10m"));
        if (operation.equals("create")) inputs.putAll(Map.of("backend-image-tag", "v1", "frontend-image-tag", "v1"));
        // Each run its own plugin cache, as each workflow run has its own runner: terraform's
        // cache is not safe for concurrent inits ("mkdir ... file exists" when two install at once).
        Map<String, String> environmentVariables = new HashMap<>(terraform.processEnvironment());
        environmentVariables.put("TF_PLUGIN_CACHE_DIR", pluginCache(environment).toString());
        return new Program(work, environmentVariables).action(inputs);
    }

    private static Path pluginCache(String environment) {
        try {
            return Files.createDirectories(work.resolve("plugin-cache-" + environment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two environment names whose priority search starts at the same block. */
    private static List<String> collidingNames() {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String name = "pc" + i;
            String other = seen.putIfAbsent(ListenerPriorities.home(name + "." + DOMAIN), name);
            if (other != null) return List.of(other, name);
        }
    }

    @Test
    void fourCreatesAndADestroyAtOnceAllSucceedEachRoutedOnItsOwnPriorities() throws Exception {
        Program.Result first = run("create", "gone");
        assertThat(first.exitCode()).as(first.log()).isZero();
        List<String> names = new ArrayList<>(collidingNames());
        names.addAll(List.of("par-a", "par-b"));

        Map<String, Future<Program.Result>> runs = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(names.size() + 1);
        try {
            runs.put("destroy gone", pool.submit(() -> run("destroy", "gone")));
            for (String name : names) runs.put(name, pool.submit(() -> run("create", name)));
            for (Map.Entry<String, Future<Program.Result>> each : runs.entrySet()) {
                Program.Result result = each.getValue().get();
                assertThat(result.exitCode()).as(each.getKey() + ":\n" + result.log()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        // The two names that hash alike raced for one block; the loser planned again.
        assertThat(names.subList(0, 2).stream().map(n -> uncheckedGet(runs.get(n)).log()))
                .anyMatch(log -> log.contains("was taken by another environment created at the same time; planning again"));
        Map<String, List<Rule>> byListener = listenerRules();
        List<Rule> rules = byListener.values().stream().flatMap(List::stream).toList();
        for (String name : names) {
            List<Integer> own = rules.stream().filter(r -> hosts(r).contains(name + "." + DOMAIN)).map(r -> Integer.parseInt(r.priority()))
                    .sorted().toList();
            assertThat(own).as(name + " is routed by its backend and frontend rules").hasSize(2);
            assertThat(own.get(1)).isEqualTo(own.get(0) + 1);
            assertThat(ssm.getParameter(r -> r.name("/adhoc/" + name)).parameter().value()).contains("\"environment\":\"" + name + "\"");
        }
        // Nothing half-applied: every rule belongs to one of the four, and the destroyed one left none.
        assertThat(rules).hasSize(2 * names.size());
        byListener.values().forEach(onOne -> assertThat(onOne.stream().map(Rule::priority)).doesNotHaveDuplicates());
        assertThat(rules).noneMatch(r -> hosts(r).contains("gone." + DOMAIN));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/adhoc/gone")))
                .isInstanceOf(ParameterNotFoundException.class);
        String workspaces = terraform.terraform("examples/ad-hoc-" + names.get(0), "workspace", "list");
        assertThat(workspaces).contains(names).doesNotContain("gone");
    }

    private static Program.Result uncheckedGet(Future<Program.Result> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The rules (default ones aside) of every listener of every load balancer of the shared stack, by listener. */
    private static Map<String, List<Rule>> listenerRules() {
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        for (var loadBalancer : elb.describeLoadBalancers().loadBalancers()) {
            for (var listener : elb.describeListeners(r -> r.loadBalancerArn(loadBalancer.loadBalancerArn())).listeners()) {
                rules.put(listener.listenerArn(), elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules().stream()
                        .filter(r -> !Boolean.TRUE.equals(r.isDefault())).toList());
            }
        }
        return rules;
    }

    private static List<String> hosts(Rule rule) {
        return rule.conditions().stream().filter(c -> "host-header".equals(c.field()))
                .flatMap(c -> c.hostHeaderConfig() != null ? c.hostHeaderConfig().values().stream() : c.values().stream()).toList();
    }
}
