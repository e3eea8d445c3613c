package dev.adhoc.action.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

class LocalAwsTest {
    private static LocalAws aws;
    private static EcsClient ecs;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        ecs = client(EcsClient.builder()).build();
        logs = client(CloudWatchLogsClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        logs.close();
        aws.close();
    }

    @BeforeEach
    void reset() {
        aws.resetBehaviour();
        aws.behaviour("{\"deploymentSeconds\": 0.5, \"taskSeconds\": 0.5}");
        aws.clearCalls();
    }

    @Test
    void serviceRolloutRunsThenCompletesAlone() {
        aws.behaviour("{\"services\": {\"roll-web\": {\"seconds\": 1.5}}}"); // time to see it in progress
        String v1 = register("roll-web", "backend:v1", "gunicorn");
        createService("roll", "roll-web", v1);
        String v2 = register("roll-web", "backend:v2", "gunicorn");

        ecs.updateService(b -> b.cluster("roll").service("roll-web").taskDefinition(v2));

        Service during = service("roll", "roll-web");
        assertThat(during.deployments()).hasSize(2);
        assertThat(during.deployments().get(0)).satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.taskDefinition()).isEqualTo(v2);
            assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(d.id()).matches("ecs-svc/\\d+");
        });
        assertThat(during.deployments().get(1).status()).isEqualTo("ACTIVE");

        Service after = await(() -> service("roll", "roll-web"), s -> s.deployments().size() == 1
                && s.deployments().get(0).rolloutStateAsString().equals("COMPLETED"));
        assertThat(after.taskDefinition()).isEqualTo(v2);
        assertThat(after.runningCount()).isEqualTo(2);
        assertThat(after.deployments().get(0).taskDefinition()).isEqualTo(v2);
        assertThat(after.events()).extracting(ServiceEvent::message)
                .first().asString().isEqualTo("(service roll-web) has reached a steady state.");
        assertThat(after.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.matches("\\(service roll-web\\) \\(deployment ecs-svc/\\d+\\) deployment completed\\."));
        assertThat(ecs.listTasks(b -> b.cluster("roll").serviceName("roll-web")).taskArns()).hasSize(2);
    }

    @Test
    void circuitBreakerRollsBackAndLeavesStoppedTasksWithLogs() {
        aws.behaviour("""
                {"services": {"rb-web": {"outcome": "ROLLBACK", "seconds": 1.0, "logLines": ["Traceback (most recent call last):", "boom"]}}}""");
        String v1 = register("rb-web", "backend:v1", "gunicorn");
        createService("rb", "rb-web", v1);
        String v2 = register("rb-web", "backend:v2", "gunicorn");

        ecs.updateService(b -> b.cluster("rb").service("rb-web").taskDefinition(v2));

        Service failed = await(() -> service("rb", "rb-web"),
                s -> s.deployments().stream().anyMatch(d -> "FAILED".equals(d.rolloutStateAsString())));
        Deployment broken = failed.deployments().stream().filter(d -> v2.equals(d.taskDefinition())).findFirst().orElseThrow();
        assertThat(broken.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(broken.failedTasks()).isPositive();
        assertThat(failed.deployments().get(0).status()).isEqualTo("PRIMARY");
        assertThat(failed.deployments().get(0).taskDefinition()).isEqualTo(v1);

        Service rolledBack = await(() -> service("rb", "rb-web"), s -> s.deployments().size() == 1
                && s.deployments().get(0).rolloutStateAsString().equals("COMPLETED"));
        assertThat(rolledBack.taskDefinition()).isEqualTo(v1);
        assertThat(rolledBack.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.contains("deployment " + broken.id() + ") deployment failed: tasks failed to start."))
                .anyMatch(m -> m.startsWith("(service rb-web) rolling back to deployment ecs-svc/"));

        List<String> stopped = ecs.listTasks(b -> b.cluster("rb").serviceName("rb-web").desiredStatus(DesiredStatus.STOPPED)).taskArns();
        Task task = ecs.describeTasks(b -> b.cluster("rb").tasks(stopped)).tasks().stream()
                .filter(t -> t.taskDefinitionArn().equals(v2)).findFirst().orElseThrow();
        assertThat(task.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(task.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        Container container = task.containers().get(0);
        assertThat(container.exitCode()).isEqualTo(1);
        assertThat(container.lastStatus()).isEqualTo("STOPPED");
        assertThat(logLines("/ecs/rb", "ecs/web/" + taskId(task))).containsExactly("Traceback (most recent call last):", "boom");
    }

    @Test
    void oneOffTaskRunsForItsTimeThenStopsWithExitCodeAndLogs() {
        aws.behaviour("{\"tasks\": {\"run-migrate\": {\"exitCode\": 3, \"seconds\": 2.0}}}");
        String migrate = register("run-migrate", "backend:v1", "python manage.py migrate");
        ecs.createCluster(b -> b.clusterName("run"));

        Instant started = Instant.now();
        Task task = ecs.runTask(b -> b.cluster("run").taskDefinition(migrate).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1").securityGroups("sg-1")
                        .assignPublicIp(AssignPublicIp.DISABLED)))
                .overrides(o -> o.containerOverrides(c -> c.name("migrate").command("python", "manage.py", "migrate", "--no-input"))))
                .tasks().get(0);
        assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
        for (int i = 0; i < 3; i++) { // describing must not move the task on
            Task seen = describe("run", task);
            if (Duration.between(started, Instant.now()).toMillis() < 1500) {
                assertThat(seen.lastStatus()).isNotEqualTo("STOPPED");
            }
        }

        Task done = await(() -> describe("run", task), t -> "STOPPED".equals(t.lastStatus()));
        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(done.desiredStatus()).isEqualTo("STOPPED");
        assertThat(done.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        assertThat(done.stoppedAt()).isNotNull();
        assertThat(done.containers()).singleElement().satisfies(c -> assertThat(c.exitCode()).isEqualTo(3));
        assertThat(logLines("/ecs/run", "ecs/migrate/" + taskId(done)))
                .containsExactly("Running: python manage.py migrate --no-input", "Done.");
    }

    @Test
    void faultIsServedTheGivenNumberOfTimesThenCallsPass() {
        aws.behaviour("""
                {"faults": [{"service": "ecs", "action": "ListClusters", "status": 400,
                             "code": "ThrottlingException", "message": "Rate exceeded", "times": 2}]}""");
        try (EcsClient once = client(EcsClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(once::listClusters).isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                    assertThat(e.isThrottlingException()).isTrue();
                });
            }
            assertThat(once.listClusters().clusterArns()).isNotNull();
        }

        aws.behaviour("""
                {"faults": [{"service": "ecs", "action": "ListClusters", "status": 503, "code": "ServiceUnavailable", "times": 2}]}""");
        aws.clearCalls();
        assertThat(ecs.listClusters().clusterArns()).isNotNull(); // the SDK's retries get through
        assertThat(aws.calls()).extracting(LocalAws.Call::action).containsExactly("ListClusters", "ListClusters", "ListClusters");
    }

    @Test
    void callsRecordTheRequests() {
        String v1 = register("calls-web", "backend:v1", "gunicorn");
        createService("calls", "calls-web", v1);
        aws.clearCalls();

        ecs.updateService(b -> b.cluster("calls").service("calls-web").desiredCount(0));

        List<LocalAws.Call> calls = aws.calls();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.service()).isEqualTo("ecs");
            assertThat(call.action()).isEqualTo("UpdateService");
            assertThat(call.body().path("service").asText()).isEqualTo("calls-web");
            assertThat(call.body().path("desiredCount").asInt()).isZero();
        });
        Service scaled = await(() -> service("calls", "calls-web"), s -> s.runningCount() == 0);
        assertThat(scaled.deployments()).singleElement().satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
        aws.clearCalls();
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void taskDefinitionsKeepNewerFieldsAndTags() {
        ecs.registerTaskDefinition(b -> b.family("fields-web").networkMode(NetworkMode.AWSVPC).requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512")
                .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .ephemeralStorage(e -> e.sizeInGiB(30))
                .volumes(v -> v.name("scratch"))
                .enableFaultInjection(true)
                .tags(t -> t.key("environment").value("fields"))
                .containerDefinitions(container("web", "backend:v1", "gunicorn", "/ecs/fields")));

        var described = ecs.describeTaskDefinition(b -> b.taskDefinition("fields-web").include(TaskDefinitionField.TAGS));
        assertThat(described.taskDefinition().runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
        assertThat(described.taskDefinition().ephemeralStorage().sizeInGiB()).isEqualTo(30);
        assertThat(described.taskDefinition().volumes()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("scratch"));
        assertThat(described.taskDefinition().enableFaultInjection()).isTrue();
        assertThat(described.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("fields"));
    }

    private static <B extends AwsClientBuilder<B, ?>> B client(B builder) {
        builder.endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    private static ContainerDefinition container(String name, String image, String command, String logGroup) {
        return ContainerDefinition.builder().name(name).image(image).essential(true)
                .command(List.of(command.split(" ")))
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(java.util.Map.of(
                        "awslogs-group", logGroup, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs")))
                .build();
    }

    private static String register(String family, String image, String command) {
        String cluster = family.substring(0, family.indexOf('-'));
        String name = family.substring(family.indexOf('-') + 1);
        return ecs.registerTaskDefinition(b -> b.family(family).networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                        .containerDefinitions(container(name, image, command, "/ecs/" + cluster)))
                .taskDefinition().taskDefinitionArn();
    }

    private static void createService(String cluster, String name, String taskDefinition) {
        ecs.createCluster(b -> b.clusterName(cluster));
        Service created = ecs.createService(b -> b.cluster(cluster).serviceName(name).taskDefinition(taskDefinition)
                .desiredCount(2).launchType(LaunchType.FARGATE)).service();
        assertThat(created.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(2);
        });
    }

    private static Service service(String cluster, String name) {
        return ecs.describeServices(b -> b.cluster(cluster).services(name)).services().get(0);
    }

    private static Task describe(String cluster, Task task) {
        return ecs.describeTasks(b -> b.cluster(cluster).tasks(task.taskArn())).tasks().get(0);
    }

    private static String taskId(Task task) {
        return task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
    }

    private static List<String> logLines(String group, String stream) {
        return logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }

    private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(10);
        T value = probe.get();
        while (!done.test(value)) {
            assertThat(Instant.now()).as("still waiting, last seen: %s", value).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }
}
