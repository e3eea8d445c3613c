package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.testing.LocalEnvironmentTest;
import dev.adhoc.action.testing.Program;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code list} against the local AWS: three environments, one of them stopped. */
class ListEnvironmentsIT extends LocalEnvironmentTest {

    @Test
    void listsEveryEnvironmentWithImagesCountsAndState() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String prefix = "/list-" + suffix;
        String alpha = "lsa-" + suffix;
        String beta = "lsb-" + suffix;
        String gamma = "lsc-" + suffix;
        Instant before = Instant.now().minusSeconds(1);
        fixture.create(alpha, "v1", prefix);
        fixture.create(beta, "v2", prefix);
        fixture.create(gamma, "v3", prefix);
        fixture.scale(alpha, "web", 2);
        Program.Result stopped = program().action(Map.of("operation", "stop", "environment", gamma, "manifest-prefix", prefix));
        assertThat(stopped.exitCode()).as(stopped.log()).isZero();
        // Another parameter under the prefix that is no environment: skipped.
        fixture.ssm().putParameter(r -> r.name(prefix + "/_shared").type("String").value("{}").overwrite(true));
        // An environment whose cluster is gone: listed as unknown, with why, instead of failing the list.
        String gone = "lsz-" + suffix;
        String goneManifest = "{\"version\": 1, \"environment\": \"%1$s\", \"url\": \"https://%1$s.dev.example.com\", "
                + "\"cluster\": \"%1$s\", \"services\": [\"%1$s-web\"], \"preDeployTasks\": [], "
                + "\"network\": {\"subnets\": [], \"securityGroups\": []}, \"images\": {\"backend\": \"b\", \"frontend\": \"f\"}}";
        fixture.ssm().putParameter(r -> r.name(prefix + "/" + gone).type("String").overwrite(true).value(goneManifest.formatted(gone)));
        Program.Result result = program().action(Map.of("operation", "list", "manifest-prefix", prefix));

        assertThat(result.exitCode()).as(result.log()).isZero();
        JsonNode environments = new ObjectMapper().readTree(result.output("environments"));
        assertThat(environments).hasSize(4);
        Map<String, JsonNode> byName = new HashMap<>();
        environments.forEach(e -> byName.put(e.get("environment").asText(), e));
        assertThat(byName.keySet()).containsExactlyInAnyOrder(alpha, beta, gamma, gone);
        assertThat(byName.get(gone).get("state").asText()).isEqualTo("unknown");
        assertThat(byName.get(gone).get("problem").asText()).startsWith("The cluster " + gone + " of " + gone + " does not exist");
        assertThat(result.log()).contains("::warning::Could not read the services of " + gone + ": ");

        JsonNode a = byName.get(alpha);
        assertThat(a.get("url").asText()).isEqualTo("https://" + alpha + ".dev.example.com");
        assertThat(a.get("state").asText()).isEqualTo("running");
        assertThat(a.get("images").get("backend").asText()).isEqualTo("v1");
        assertThat(a.get("images").get("frontend").asText()).isEqualTo("v1");
        assertThat(a.get("runningCount").asInt()).isEqualTo(6);
        assertThat(a.get("desiredCount").asInt()).isEqualTo(6);
        Instant created = Instant.parse(a.get("created").asText());
        assertThat(created).isBetween(before, Instant.now());
        assertThat(Instant.parse(a.get("lastDeploy").asText())).isAfterOrEqualTo(created.minusSeconds(1));

        JsonNode b = byName.get(beta);
        assertThat(b.get("images").get("backend").asText()).isEqualTo("v2");
        assertThat(b.get("state").asText()).isEqualTo("running");
        assertThat(b.get("runningCount").asInt()).isEqualTo(5);

        JsonNode c = byName.get(gamma);
        assertThat(c.get("state").asText()).isEqualTo("stopped");
        assertThat(c.get("runningCount").asInt()).isZero();
        assertThat(c.get("desiredCount").asInt()).isZero();
        assertThat(c.get("images").get("backend").asText()).isEqualTo("v3");

        assertThat(b.get("images").get("frontend").asText()).isEqualTo("v2");
        assertThat(b.get("desiredCount").asInt()).isEqualTo(5);
        assertThat(c.get("images").get("frontend").asText()).isEqualTo("v3");

        // The same four rows in the job summary and, as text, in the log; the parameter that is no environment in neither.
        assertThat(result.summary()).contains("## Environments (4)")
                .contains("| environment | state | tasks |")
                .contains("| " + alpha + " | running | 6/6 | v1 | v1 | 0m |")
                .contains("| " + beta + " | running | 5/5 | v2 | v2 | 0m |")
                .contains("| " + gamma + " | stopped | 0/0 | v3 | v3 |")
                .contains("| " + gone + " | unknown | 0/0 | - | - |")
                .doesNotContain("_shared");
        List<String> lines = result.log().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(alpha + " +running +6/6 +v1 +v1 .*"))
                .anySatisfy(l -> assertThat(l).matches(beta + " +running +5/5 +v2 +v2 .*"))
                .anySatisfy(l -> assertThat(l).matches(gamma + " +stopped +0/0 +v3 +v3 .*"))
                .anySatisfy(l -> assertThat(l).matches(gone + " +unknown +0/0 +- +- .*"));
    }

    @Test
    void cliPrintsAnAlignedTable() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String prefix = "/listcli-" + suffix;
        String name = "lcli-" + suffix;
        fixture.create(name, "v9", prefix);

        Program.Result result = program().cli("list", "--manifest-prefix", prefix);

        assertThat(result.exitCode()).as(result.log()).isZero();
        List<String> lines = result.log().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("environment")).findFirst().orElseThrow());
        assertThat(lines.get(header)).matches("environment\\s+state\\s+tasks\\s+backend\\s+frontend\\s+age\\s+last deploy\\s+load balancer\\s+url");
        assertThat(lines.get(header + 1)).matches("-+( +-+)+");
        String row = lines.get(header + 2);
        assertThat(row).startsWith(name + " ").contains(" running ").contains(" 5/5 ").contains(" v9 ").endsWith("https://" + name + ".dev.example.com");
        // Columns line up: each header word starts where its column does.
        assertThat(row.indexOf(" running ") + 1).isEqualTo(lines.get(header).indexOf("state"));
    }

    @Test
    void anEmptyPrefixListsNothing() {
        Program.Result result = program().action(Map.of("operation", "list", "manifest-prefix", "/nothing-here"));
        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(result.output("environments")).isEqualTo("[]");
        assertThat(result.summary()).contains("None.");
    }

    @Test
    void showsEachEnvironmentsLoadBalancerAndTheRoomLeftOnEach() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String prefix = "/listlb-" + suffix;
        String name = "llb-" + suffix;
        fixture.sharedStack(prefix);
        String manifest = fixture.create(name, "v1", prefix).replace("\"listenerRulePriority\": 100", "\"listenerRulePriority\": 100, \"loadBalancer\": \"adhoc-2\"");
        fixture.ssm().putParameter(r -> r.name(prefix + "/" + name).type("String").value(manifest).overwrite(true));

        Program.Result result = program().action(Map.of("operation", "list", "manifest-prefix", prefix));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(result.output("environments")).contains("\"loadBalancer\":\"adhoc-2\"");
        assertThat(result.summary()).contains("| load balancer |").contains("| adhoc-2 |")
                .contains("## Load balancers").contains("| (shared) | 0 of 100 | 0 of 100 | 50 more environments |");
    }
}
