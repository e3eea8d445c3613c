package dev.adhoc.action.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * An environment as the terraform module would leave it, made directly through the AWS API on
 * the local AWS: cluster, the five services, the two pre-deploy task definitions (with fields
 * such as volumes, runtimePlatform and ephemeralStorage, and tags), and the manifest in SSM.
 */
public final class EnvironmentFixture implements AutoCloseable {
    public static final String BACKEND = "123456789012.dkr.ecr.us-east-1.amazonaws.com/backend";
    public static final String FRONTEND = "123456789012.dkr.ecr.us-east-1.amazonaws.com/frontend";
    public static final String REDIS = "public.ecr.aws/docker/library/redis:7-alpine";

    private final EcsClient ecs;
    private final SsmClient ssm;
    private final CloudWatchLogsClient logs;
    private final Ec2Client ec2;
    private final ElasticLoadBalancingV2Client elb;

    public EnvironmentFixture(LocalAws aws) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        this.ecs = EcsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        this.ssm = SsmClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        this.logs = CloudWatchLogsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        this.elb = ElasticLoadBalancingV2Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        this.ec2 = Ec2Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
    }

    public EcsClient ecs() {
        return ecs;
    }

    public SsmClient ssm() {
        return ssm;
    }

    /** Creates environment {@code name} running backend/frontend {@code tag}; returns its manifest JSON. */
    public String create(String name, String tag) {
        return create(name, tag, "/adhoc");
    }

    public String create(String name, String tag, String prefix) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name + "-tasks").description("tasks")).groupId();
        ecs.createCluster(r -> r.clusterName(name));
        List<String> services = new ArrayList<>();
        for (String service : List.of("web", "worker", "beat", "frontend", "redis")) {
            String image = switch (service) {
                case "frontend" -> FRONTEND + ":" + tag;
                case "redis" -> REDIS;
                default -> BACKEND + ":" + tag;
            };
            TaskDefinition definition = register(name, service, image, List.of());
            ecs.createService(r -> r.cluster(name).serviceName(name + "-" + service).taskDefinition(definition.taskDefinitionArn())
                    .desiredCount(1).launchType("FARGATE")
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(group))));
            services.add(name + "-" + service);
        }
        register(name, "migrate", BACKEND + ":" + tag, List.of("python", "manage.py", "migrate", "--no-input"));
        register(name, "collectstatic", BACKEND + ":" + tag, List.of("python", "manage.py", "collectstatic", "--no-input"));
        String manifest = """
                {"version": 1, "environment": "%1$s", "url": "https://%1$s.dev.example.com", "region": "us-east-1",
                 "cluster": "%1$s", "services": ["%1$s-web", "%1$s-worker", "%1$s-beat", "%1$s-frontend", "%1$s-redis"],
                 "preDeployTasks": ["%1$s-migrate", "%1$s-collectstatic"],
                 "network": {"subnets": ["%2$s"], "securityGroups": ["%3$s"], "assignPublicIp": "DISABLED"},
                 "images": {"backend": "%4$s", "frontend": "%5$s"},
                 "exec": {"service": "%1$s-web", "container": "web"}, "listenerRulePriority": 100}
                """.formatted(name, subnet, group, BACKEND, FRONTEND);
        ssm.putParameter(r -> r.name(prefix + "/" + name).type(ParameterType.STRING).value(manifest).overwrite(true));
        return manifest;
    }

    private TaskDefinition register(String environment, String service, String image, List<String> command) {
        String group = "/adhoc/" + environment + "/" + service;
        try {
            logs.createLogGroup(r -> r.logGroupName(group));
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException ignored) {
            // the same environment name reused within one local AWS
        }
        ContainerDefinition.Builder container = ContainerDefinition.builder()
                .name(service).image(image).essential(true).memory(512)
                .environment(e -> e.name("REDIS_URL").value("redis://" + environment + "-redis.adhoc.local:6379/0"))
                .mountPoints(m -> m.sourceVolume("scratch").containerPath("/scratch"))
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                        "awslogs-group", group, "awslogs-region", "us-east-1", "awslogs-stream-prefix", service)));
        if (!command.isEmpty()) container.command(command);
        ContainerDefinition sidecar = ContainerDefinition.builder().name("log-router").image("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")
                .essential(false).memory(64).build();
        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                .family(environment + "-" + service)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .cpu("256").memory("1024")
                .executionRoleArn("arn:aws:iam::123456789012:role/adhoc-execution")
                .taskRoleArn("arn:aws:iam::123456789012:role/" + environment + "-task")
                .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .ephemeralStorage(s -> s.sizeInGiB(30))
                .volumes(v -> v.name("scratch"))
                .containerDefinitions(service.equals("web") ? List.of(container.build(), sidecar) : List.of(container.build()))
                .tags(Tag.builder().key("adhoc:environment").value(environment).build(), Tag.builder().key("team").value("web").build())
                .build();
        return ecs.registerTaskDefinition(request).taskDefinition();
    }

    /** Sets a service's desired count and waits (bounded) until the local ECS model runs that many tasks. */
    public void scale(String environment, String service, int desiredCount) {
        String name = environment + "-" + service;
        ecs.updateService(r -> r.cluster(environment).service(name).desiredCount(desiredCount));
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            var described = ecs.describeServices(r -> r.cluster(environment).services(name)).services().get(0);
            if (described.runningCount() == desiredCount && described.pendingCount() == 0) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not reach " + desiredCount + " running tasks");
    }

    /** Publishes the shared stack's manifest at {@code <prefix>/_shared}, naming {@code listenerArn}. */
    /**
     * A shared stack's load balancer (VPC, two subnets, an ALB with a listener whose default
     * answers 404) with its manifest published under {@code prefix}.
     */
    public SharedStack sharedStack(String prefix) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.2.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.2.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        String alb = elb.createLoadBalancer(r -> r.name("shared-" + suffix).subnets(a, b).type("application")).loadBalancers().get(0)
                .loadBalancerArn();
        String listener = elb.createListener(r -> r.loadBalancerArn(alb).protocol("HTTP").port(8443)
                .defaultActions(d -> d.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("404"))))
                .listeners().get(0).listenerArn();
        publishShared(prefix, listener);
        return new SharedStack(vpc, alb, listener);
    }

    /** The shared load balancer's parts a test may add to (rules, target groups, listeners). */
    public record SharedStack(String vpcId, String loadBalancerArn, String listenerArn) {
    }

    public void publishShared(String prefix, String listenerArn) {
        String manifest = """
                {"name": "adhoc", "region": "us-east-1", "domain": "dev.example.com", "listenerArn": "%s",
                 "database": {"host": "db.internal", "port": 5432, "username": "adhoc", "masterSecretArn": ""}}
                """.formatted(listenerArn);
        ssm.putParameter(r -> r.name(prefix + "/_shared").type(ParameterType.STRING).value(manifest).overwrite(true));
    }

    @Override
    public void close() {
        ecs.close();
        ssm.close();
        logs.close();
        ec2.close();
        elb.close();
    }
}
