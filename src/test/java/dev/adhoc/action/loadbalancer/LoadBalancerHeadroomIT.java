package dev.adhoc.action.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.testing.EnvironmentFixture;
import dev.adhoc.action.testing.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The shared load balancer's room for another environment, against moto's ELBv2. moto has no
 * Elastic Load Balancing quotas in Service Quotas, so these runs also prove the fallback to the
 * documented defaults (100 rules, 100 target groups per load balancer).
 */
class LoadBalancerHeadroomIT {
    private static LocalAws aws;
    private static EnvironmentFixture fixture;
    private static ElasticLoadBalancingV2Client elb;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private AwsClients clients;

    @BeforeAll
    static void start() {
        aws = LocalAws.shared();
        fixture = new EnvironmentFixture(aws);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
        elb.close();
    }

    @BeforeEach
    void clients() {
        aws.resetBehaviour();
        clients = new AwsClients(aws.processEnvironment());
    }

    @AfterEach
    void close() {
        clients.close();
    }

    /**
     * As {@code create} does: every load balancer measured, the one with the most room chosen
     * (placement) and checked for one more environment (preflight). Returns the chosen one.
     */
    private LoadBalancerHeadroom.Headroom measureAndCheck(String prefix) {
        LoadBalancerHeadroom headroom = new LoadBalancerHeadroom(clients.elb(), clients.quotas(),
                new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), true));
        List<LoadBalancerHeadroom.Headroom> measured = headroom.measureAll(store(prefix).shared());
        LoadBalancerHeadroom.Headroom chosen = LoadBalancerHeadroom.mostRoom(measured);
        headroom.check(chosen, measured);
        return chosen;
    }

    /** A shared ALB like the shared module's: HTTPS-style listener with host rules, HTTP listener redirecting. Returns the prefix. */
    private static String sharedStack(int rules, int targetGroupsPerRule) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String prefix = "/quota-" + suffix;
        EnvironmentFixture.SharedStack stack = fixture.sharedStack(prefix);
        String vpc = stack.vpcId();
        String alb = stack.loadBalancerArn();
        String main = stack.listenerArn();
        elb.createListener(r -> r.loadBalancerArn(alb).protocol("HTTP").port(80)
                .defaultActions(d -> d.type(ActionTypeEnum.REDIRECT).redirectConfig(c -> c.protocol("HTTPS").port("443").statusCode("HTTP_301"))));
        int group = 0;
        for (int i = 0; i < rules; i++) {
            List<TargetGroupTuple> targets = new ArrayList<>();
            for (int t = 0; t < targetGroupsPerRule; t++) {
                String name = "tg-" + suffix + "-" + group++;
                String arn = elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8000).vpcId(vpc).targetType("ip"))
                        .targetGroups().get(0).targetGroupArn();
                targets.add(TargetGroupTuple.builder().targetGroupArn(arn).build());
            }
            int priority = i + 1;
            Action action = targets.isEmpty()
                    ? Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("200")).build()
                    : Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(targets)).build();
            elb.createRule(r -> r.listenerArn(main).priority(priority).actions(action)
                    .conditions(c -> c.field("host-header").values("env" + priority + ".dev.example.com")));
        }
        return prefix;
    }

    private ManifestStore store(String prefix) {
        return new ManifestStore(clients.ssm(), prefix, new ObjectMapper());
    }

    @Test
    void passesWhenThereIsRoomAndSaysWhereTheQuotaCameFrom() {
        String prefix = sharedStack(10, 1);

        LoadBalancerHeadroom.Headroom headroom = measureAndCheck(prefix);

        assertThat(headroom.rules().used()).isEqualTo(10);
        assertThat(headroom.rules().limit()).isEqualTo(100);
        assertThat(headroom.targetGroups().used()).isEqualTo(10);
        assertThat(headroom.environmentsThatFit()).isEqualTo(45);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Shared load balancer: 10 of 100 listener rules used (Rules per Application Load Balancer, L-7EED9B64, "
                        + "the documented default; Service Quotas did not answer)")
                .contains("10 of 100 target groups used (Target Groups per Application Load Balancer, L-822D1B1B");
    }

    @Test
    void refusesWhenTheListenerRulesAreFull() {
        String prefix = sharedStack(99, 0);

        assertThatThrownBy(() -> measureAndCheck(prefix))
                .isInstanceOfSatisfying(AdhocFailure.class, e -> assertThat(e.reason()).isEqualTo("quota-exceeded"))
                .hasMessage("No room for another environment on the shared load balancer: 99 of 100 listener rules are used and an "
                        + "environment needs 2. Destroy idle environments (operation: cleanup), or request an increase of the Service "
                        + "Quotas quota 'Rules per Application Load Balancer' (elasticloadbalancing L-7EED9B64).");
    }

    @Test
    void refusesWhenTheTargetGroupsAreFull() {
        String prefix = sharedStack(20, 5);

        assertThatThrownBy(() -> measureAndCheck(prefix))
                .isInstanceOfSatisfying(AdhocFailure.class, e -> assertThat(e.reason()).isEqualTo("quota-exceeded"))
                .hasMessageStartingWith("No room for another environment on the shared load balancer: 100 of 100 target groups are attached")
                .hasMessageContaining("L-822D1B1B");
    }

    @Test
    void aMissingListenerIsNamed() {
        String prefix = "/quota-missing-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        fixture.publishShared(prefix,
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/gone/0123456789abcdef/0123456789abcdef");

        assertThatThrownBy(() -> measureAndCheck(prefix))
                .isInstanceOfSatisfying(AdhocFailure.class, e -> assertThat(e.reason()).isEqualTo("shared-stack-missing"))
                .hasMessageContaining("does not exist");
    }
}
