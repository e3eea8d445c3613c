package dev.adhoc.action.loadbalancer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.loadbalancer.ListenerPriorities.Rule;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

class ListenerPrioritiesTest {
    private static Rule rule(int priority, String... hosts) {
        return new Rule(priority, List.of(hosts));
    }

    private static int home(String host) {
        return ListenerPriorities.home(host) * 10;
    }

    @Test
    void aNewEnvironmentStartsAtTheBlockItsNameHashesTo() {
        assertThat(ListenerPriorities.choose("alpha.dev.example.com", List.of())).isEqualTo(home("alpha.dev.example.com"));
        assertThat(ListenerPriorities.home("ALPHA.dev.example.com")).isEqualTo(ListenerPriorities.home("alpha.dev.example.com"));
        // Names created together start far apart, so concurrent creates rarely race for one block.
        List<Integer> starts = IntStream.rangeClosed(1, 8).mapToObj(i -> ListenerPriorities.home("pr-" + i + ".dev.example.com")).toList();
        assertThat(starts).doesNotHaveDuplicates().allSatisfy(b -> assertThat(b).isBetween(1, ListenerPriorities.MAX_BASE / 10));
    }

    @Test
    void anExistingEnvironmentKeepsItsBase() {
        List<Rule> rules = List.of(rule(10, "beta.dev.example.com"), rule(11, "beta.dev.example.com"),
                rule(21, "alpha.dev.example.com"), rule(20, "ALPHA.dev.example.com"));
        assertThat(ListenerPriorities.choose("alpha.dev.example.com", rules)).isEqualTo(20);
    }

    @Test
    void aTakenBlockIsSkippedToTheNextFreeOne() {
        String host = "c.dev.example.com";
        int start = home(host);
        List<Rule> rules = List.of(rule(start, "a.dev.example.com"), rule(start + 1, "a.dev.example.com"),
                rule(start + 15, "b.dev.example.com"));
        assertThat(ListenerPriorities.choose(host, rules)).isEqualTo(start + 20);
    }

    @Test
    void theSearchWrapsAroundToTheFirstBlocks() {
        String host = IntStream.range(0, 100_000).mapToObj(i -> "w" + i + ".x")
                .filter(h -> ListenerPriorities.home(h) == ListenerPriorities.MAX_BASE / 10).findFirst().orElseThrow();
        List<Rule> rules = List.of(rule(ListenerPriorities.MAX_BASE, "other.x"), rule(10, "other.x"));
        assertThat(ListenerPriorities.choose(host, rules)).isEqualTo(20);
    }

    @Test
    void aContestedBlockBelongsToWhoeverHoldsItsLowestRuleAndTheOtherMovesOn() {
        // Two creates picked the same block and each made one of its rules before the other's failed.
        String first = "one.x";
        int block = home(first);
        List<Rule> rules = List.of(rule(block, first), rule(block + 1, "two.x"));
        assertThat(ListenerPriorities.choose(first, rules)).isEqualTo(block);
        assertThat(ListenerPriorities.choose("two.x", rules)).isNotEqualTo(block);
    }

    @Test
    void aBlockWithAnyRuleInItIsNotFree() {
        // A hand-written rule (no host header) in the block it hashes to makes that block unusable.
        int start = home("d.x");
        List<Rule> rules = List.of(rule(3), rule(start + 5));
        assertThat(ListenerPriorities.choose("d.x", rules)).isEqualTo(start == ListenerPriorities.MAX_BASE ? 10 : start + 10);
    }

    @Test
    void manyRules() {
        List<Rule> rules = new ArrayList<>();
        for (int block = 1; block <= ListenerPriorities.MAX_BASE / 10; block++) {
            if (block == 217) continue;
            rules.add(rule(block * 10, "e" + block + ".x"));
            rules.add(rule(block * 10 + 1, "e" + block + ".x"));
        }
        assertThat(ListenerPriorities.choose("new.x", rules)).isEqualTo(2170);
        assertThat(ListenerPriorities.choose("e150.x", rules)).isEqualTo(1500);
    }

    @Test
    void aFullListenerIsReported() {
        List<Rule> rules = IntStream.rangeClosed(1, ListenerPriorities.MAX_BASE / 10).mapToObj(b -> rule(b * 10)).toList();
        assertThatThrownBy(() -> ListenerPriorities.choose("new.x", rules))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.reason()).isEqualTo("listener-full"));
    }

    @Test
    void hostIsEnvironmentDotDomain() {
        assertThat(ListenerPriorities.host(EnvironmentName.of("pr-7"), "Dev.Example.com.")).isEqualTo("pr-7.dev.example.com");
    }

    @Test
    void readsEveryPageOfTheListenersRules() {
        WireMockServer elb = new WireMockServer(options().dynamicPort());
        elb.start();
        try {
            String arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/50dc6c495c0c9188/f2f7dc8efc522ab2";
            elb.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeRules"))
                    .withRequestBody(matching("^((?!Marker=).)*$"))
                    .willReturn(xml(page(List.of(defaultRule(), hostRule(10, "a.dev.example.com"), hostRule(11, "a.dev.example.com")),
                            "page-2"))));
            elb.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Marker=page-2"))
                    .willReturn(xml(page(List.of(hostRule(20, "alpha.dev.example.com"), legacyHostRule(21, "alpha.dev.example.com"),
                            hostRule(30, "c.dev.example.com")), null))));
            try (ElasticLoadBalancingV2Client client = ElasticLoadBalancingV2Client.builder()
                    .endpointOverride(URI.create(elb.baseUrl()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                ListenerPriorities priorities = new ListenerPriorities(client);
                assertThat(priorities.rules(arn)).extracting(Rule::priority).containsExactly(10, 11, 20, 21, 30);
                assertThat(priorities.forEnvironment(arn, EnvironmentName.of("alpha"), "dev.example.com")).isEqualTo(20);
                assertThat(priorities.forEnvironment(arn, EnvironmentName.of("beta"), "dev.example.com"))
                        .isEqualTo(ListenerPriorities.home("beta.dev.example.com") * 10);
            }
            // Two pages for each of the three reads, and no retries.
            assertThat(elb.getAllServeEvents()).hasSize(6);
            elb.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("ListenerArn=arn%3Aaws%3Aelasticloadbalancing")));
        } finally {
            elb.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static String page(List<String> rules, String nextMarker) {
        return "<DescribeRulesResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<DescribeRulesResult><Rules>" + rules.stream().collect(Collectors.joining()) + "</Rules>"
                + (nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>")
                + "</DescribeRulesResult><ResponseMetadata><RequestId>1549581b-12b7-11e3-895e-1334aEXAMPLE</RequestId>"
                + "</ResponseMetadata></DescribeRulesResponse>";
    }

    private static String defaultRule() {
        return "<member><IsDefault>true</IsDefault><Conditions/><Priority>default</Priority>"
                + "<RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shared/0</RuleArn></member>";
    }

    private static String hostRule(int priority, String host) {
        return "<member><IsDefault>false</IsDefault><Conditions><member><Field>host-header</Field>"
                + "<HostHeaderConfig><Values><member>" + host + "</member></Values></HostHeaderConfig></member>"
                + "<member><Field>path-pattern</Field><PathPatternConfig><Values><member>/api/*</member></Values>"
                + "</PathPatternConfig></member></Conditions><Priority>" + priority + "</Priority>"
                + "<RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shared/" + priority
                + "</RuleArn></member>";
    }

    // Rules created through the old API carry the host only in Values.
    private static String legacyHostRule(int priority, String host) {
        return "<member><IsDefault>false</IsDefault><Conditions><member><Field>host-header</Field>"
                + "<Values><member>" + host + "</member></Values></member></Conditions><Priority>" + priority + "</Priority>"
                + "<RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shared/" + priority
                + "</RuleArn></member>";
    }
}
