package dev.adhoc.action.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.ecs.EcsCalls;
import dev.adhoc.action.loadbalancer.ListenerPriorities;
import dev.adhoc.action.loadbalancer.LoadBalancerHeadroom;
import dev.adhoc.action.loadbalancer.LoadBalancerPlacement;
import dev.adhoc.action.loadbalancer.LoadBalancerPlacement.Placement;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.testing.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A fleet at the ALB limits on the local AWS, which enforces them as AWS does (100 rules and 100
 * target groups per load balancer, one load balancer per target group): four load balancers
 * holding 50 environments each, their rules and target groups made directly through the ELB API.
 * The 201st environment is refused with the reason and the fix; after a fifth load balancer is
 * added to the shared manifest it is placed there.
 */
class FleetCapacityIT {
    private static final String DOMAIN = "dev.example.com";
    private static final String PREFIX = "/fleet";
    private static LocalAws aws;
    private static ElasticLoadBalancingV2Client elb;
    private static Ec2Client ec2;
    private static SsmClient ssm;
    private static EcsClient ecs;
    private static String vpc;
    private static List<String> subnets;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        elb = aws.client(ElasticLoadBalancingV2Client.builder());
        ec2 = aws.client(Ec2Client.builder());
        ssm = aws.client(SsmClient.builder());
        ecs = aws.client(EcsClient.builder());
        vpc = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();
        subnets = List.of(
                ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.3.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId(),
                ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.3.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId());
    }

    @AfterAll
    static void stop() {
        for (var client : List.of(elb, ec2, ssm, ecs)) client.close();
        aws.close();
    }

    private record Lb(String arn, String listener) {
    }

    /** A load balancer like the shared module's: an HTTPS-style listener answering 404 by default. */
    private static Lb loadBalancer(int number) {
        String arn = elb.createLoadBalancer(r -> r.name("adhoc-" + number).subnets(subnets).type("application")).loadBalancers().get(0)
                .loadBalancerArn();
        return new Lb(arn, elb.createListener(r -> r.loadBalancerArn(arn).protocol("HTTP").port(8443)
                .defaultActions(d -> d.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("404"))))
                .listeners().get(0).listenerArn());
    }

    /** What an environment puts on its load balancer: two target groups, two host rules at P and P+1. */
    private static void environment(String listener, String name, int priority) {
        String backend = targetGroup(name + "-web");
        String frontend = targetGroup(name + "-fe");
        rule(listener, name, priority, backend);
        rule(listener, name, priority + 1, frontend);
    }

    private static String targetGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8000).vpcId(vpc).targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
    }

    private static void rule(String listener, String environment, int priority, String targetGroup) {
        elb.createRule(r -> r.listenerArn(listener).priority(priority)
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroup))
                .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values(environment + "." + DOMAIN))));
    }

    private static void publish(List<Lb> listeners) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < listeners.size(); i++) {
            if (i > 0) list.append(", ");
            list.append("{\"name\": \"adhoc-").append(i + 1).append("\", \"arn\": \"").append(listeners.get(i).arn())
                    .append("\", \"listenerArn\": \"").append(listeners.get(i).listener()).append("\", \"dnsName\": \"lb").append(i + 1)
                    .append(".elb.example.com\", \"zoneId\": \"Z35SXDOTRQ7X7K\"}");
        }
        String manifest = """
                {"name": "adhoc", "region": "us-east-1", "domain": "%s", "listenerArn": "%s", "loadBalancers": [%s],
                 "database": {"host": "db.internal", "port": 5432, "username": "adhoc", "masterSecretArn": ""}}
                """.formatted(DOMAIN, listeners.get(0).listener(), list);
        ssm.putParameter(r -> r.name(PREFIX + "/_shared").type(ParameterType.STRING).value(manifest).overwrite(true));
    }

    @Test
    void fourLoadBalancersHold200EnvironmentsTheNextIsRefusedUntilAFifthIsAdded() {
        List<Lb> listeners = new ArrayList<>();
        for (int lb = 1; lb <= 4; lb++) {
            Lb each = loadBalancer(lb);
            listeners.add(each);
            for (int e = 1; e <= 50; e++) environment(each.listener(), "e" + lb + "x" + e, e * 10);
        }
        publish(listeners);

        // The local AWS holds each load balancer to AWS's limits.
        assertThatThrownBy(() -> rule(listeners.get(0).listener(), "extra", 900, targetGroup("extra-web")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRules"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AwsClients clients = new AwsClients(aws.processEnvironment())) {
            JobLog log = new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), true);
            LoadBalancerHeadroom quotas = new LoadBalancerHeadroom(clients.elb(), clients.quotas(), log);
            LoadBalancerPlacement placement = new LoadBalancerPlacement(new ListenerPriorities(clients.elb()), quotas);
            ManifestStore store = new ManifestStore(clients.ssm(), PREFIX, new ObjectMapper());
            EnvironmentName next = EnvironmentName.of("pr-201");

            Placement full = placement.place(store.shared(), next, Optional.empty());
            assertThat(full.isNew()).isTrue();
            assertThat(full.measured()).hasSize(4).allSatisfy(h -> assertThat(h.environmentsThatFit()).isZero());
            assertThatThrownBy(() -> quotas.check(full.headroom().orElseThrow(), full.measured()))
                    .isInstanceOfSatisfying(AdhocFailure.class, e -> assertThat(e.reason()).isEqualTo("quota-exceeded"))
                    .hasMessage("No room for another environment on any of the shared stack's 4 load balancers: each holds at most 50 "
                            + "environments (2 listener rules and 2 target groups each; quotas 'Rules per Application Load Balancer' and "
                            + "'Target Groups per Application Load Balancer') and all 200 places are taken. Add a load balancer to the "
                            + "shared stack (one more in its load balancer list, one apply; existing environments stay where they are), "
                            + "or destroy idle environments (operation: cleanup).");

            listeners.add(loadBalancer(5));
            publish(listeners);
            SharedManifest shared = store.shared();
            Placement admitted = placement.place(shared, next, Optional.empty());
            quotas.check(admitted.headroom().orElseThrow(), admitted.measured());
            assertThat(admitted.name()).contains("adhoc-5");
            assertThat(admitted.headroom().orElseThrow().environmentsThatFit()).isEqualTo(50);
            // An environment already on a load balancer stays there, found by its rules.
            assertThat(placement.place(shared, EnvironmentName.of("e3x7"), Optional.empty()).name()).contains("adhoc-3");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Load balancer adhoc-2: 100 of 100 target groups used");
    }

    @Test
    void aTargetGroupServesOneLoadBalancerOnly() {
        String first = loadBalancer(11).listener();
        String second = loadBalancer(12).listener();
        String group = targetGroup("shared-web");
        rule(first, "one", 10, group);
        assertThatThrownBy(() -> rule(second, "two", 10, group))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupAssociationLimit"));
        assertThatThrownBy(() -> rule(first, "three", 10, targetGroup("three-web")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PriorityInUse"));
    }

    @Test
    void fargateVcpuDatabaseConnectionsAndClustersAreEachCheckedAgainstTheirLimit() {
        aws.behaviour("{\"serviceQuotas\": {\"fargate/L-36FBB829\": 2, \"fargate/L-3032A538\": 4}, "
                + "\"tasks\": {\"busy-web\": {\"seconds\": 600}}}");
        ecs.createCluster(r -> r.clusterName("busy"));
        String definition = ecs.registerTaskDefinition(r -> r.family("busy-web").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("1024").memory("2048").containerDefinitions(c -> c.name("web").image("backend:v1").essential(true)))
                .taskDefinition().taskDefinitionArn();
        ecs.runTask(r -> r.cluster("busy").taskDefinition(definition).capacityProviderStrategy(p -> p.capacityProvider("FARGATE_SPOT").weight(1))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets))));
        SharedManifest.Database database = new SharedManifest.Database("db.internal", 5432, "adhoc", "", 20, java.util.OptionalInt.of(100));
        SharedManifest shared = new SharedManifest("adhoc", "us-east-1", DOMAIN, "", database, Optional.empty(), Optional.empty(), "adhoc",
                List.of(), List.of());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AwsClients clients = new AwsClients(aws.processEnvironment())) {
            CapacityPreflight preflight = new CapacityPreflight(EcsCalls.of(clients.ecs()), clients.quotas(),
                    new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), true));
            assertThat(preflight.fargateUse()).isEqualTo(new CapacityPreflight.FargateUse(0, 1));

            assertThatThrownBy(() -> preflight.check(shared, 4, true, CapacityPreflight.Need.MODULE_DEFAULTS))
                    .isInstanceOfSatisfying(AdhocFailure.class, e -> assertThat(e.reason()).isEqualTo("quota-exceeded"))
                    .hasMessage("The Service Quotas quota 'Fargate Spot vCPU resource count' (fargate L-36FBB829) is 2 vCPUs, 1 are in use "
                            + "and this environment needs 1.5 at the environment module's default sizes: stop or destroy idle environments "
                            + "(operations stop, cleanup) or request a quota increase. The database server allows 100 connections "
                            + "(max_connections, 10 kept for the administrator) and 4 environments already may hold 80 (20 each), so another "
                            + "would overcommit it: use a larger instance class (db_max_connections follows its memory), lower "
                            + "db_connection_limit_per_environment, or destroy idle environments.");

            aws.behaviour("{\"serviceQuotas\": {\"fargate/L-36FBB829\": 8}}");
            preflight.check(shared, 3, true, CapacityPreflight.Need.MODULE_DEFAULTS);
            // Without a database role (database: none) the connections are not the environment's to take.
            preflight.check(shared, 4, false, CapacityPreflight.Need.MODULE_DEFAULTS);

            int clusters = ecs.listClusters().clusterArns().size();
            aws.behaviour("{\"serviceQuotas\": {\"ecs/L-21C621EB\": " + clusters + "}}");
            assertThatThrownBy(() -> preflight.check(shared, 3, true, CapacityPreflight.Need.MODULE_DEFAULTS))
                    .hasMessageStartingWith("The Service Quotas quota 'Clusters per account' (ecs L-21C621EB) is " + clusters + " and "
                            + clusters + " clusters exist");
        } finally {
            aws.resetBehaviour();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Fargate Spot vCPU resource count: 1 of 8 vCPUs in use; this environment needs 1.5.")
                .contains("Fargate On-Demand vCPU resource count: 0 of 4 vCPUs in use; this environment needs 0.5.")
                .contains("Database connections: 3 environments × 20 = 60 of 90 (max_connections 100 less 10 reserved).");
    }
}
