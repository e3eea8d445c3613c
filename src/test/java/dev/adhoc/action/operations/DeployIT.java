package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.testing.EnvironmentFixture;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** {@code deploy} end to end against the local AWS and its model of ECS deployments and tasks. */
class DeployIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static LocalAws aws;
    private static EnvironmentFixture fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        aws = LocalAws.shared();
        fixture = new EnvironmentFixture(aws);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        aws.resetBehaviour();
        aws.behaviour("{\"deploymentSeconds\": 0.5, \"taskSeconds\": 0.5}");
    }

    private static String newEnvironment() {
        String name = "dep" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        fixture.create(name, "v1");
        return name;
    }

    private Program program() {
        return new Program(work, aws.environment());
    }

    private List<String> actions() {
        return aws.calls().stream().filter(c -> c.service().equals("ecs")).map(LocalAws.Call::action).toList();
    }

    private TaskDefinition current(String family) {
        return fixture.ecs().describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
    }

    @Test
    void backendRolloutChangesOnlyBackendContainersAndRunsPreDeployTasksFirst() {
        String env = newEnvironment();
        aws.behaviour("{\"tasks\": {\"" + env + "-migrate\": {\"logLines\": [\"Applying accounts.0002_profile... OK\"]}}}");
        aws.clearCalls();

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "backend-image-tag", "v2"));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(result.log()).contains("Applying accounts.0002_profile... OK").contains("::group::Pre-deploy task " + env + "-migrate");
        List<String> actions = actions();
        assertThat(actions.lastIndexOf("RunTask")).isLessThan(actions.indexOf("UpdateService"));
        assertThat(actions.stream().filter("RunTask"::equals)).hasSize(2);
        assertThat(actions.stream().filter("UpdateService"::equals)).hasSize(3);

        TaskDefinition web = current(env + "-web");
        assertThat(web.revision()).isEqualTo(2);
        assertThat(web.containerDefinitions().get(0).image()).isEqualTo(EnvironmentFixture.BACKEND + ":v2");
        assertThat(web.containerDefinitions().get(1).image()).startsWith("public.ecr.aws/aws-observability");
        assertThat(web.runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
        assertThat(web.ephemeralStorage().sizeInGiB()).isEqualTo(30);
        assertThat(web.volumes()).extracting(v -> v.name()).containsExactly("scratch");
        assertThat(web.containerDefinitions().get(0).logConfiguration().options()).containsEntry("awslogs-stream-prefix", "web");
        assertThat(web.taskRoleArn()).endsWith(env + "-task");
        var tags = fixture.ecs().describeTaskDefinition(r -> r.taskDefinition(env + "-web").include(TaskDefinitionField.TAGS)).tags();
        assertThat(tags).extracting(t -> t.key() + "=" + t.value()).contains("adhoc:environment=" + env, "team=web");
        assertThat(current(env + "-migrate").revision()).isEqualTo(2);
        assertThat(current(env + "-frontend").revision()).isEqualTo(1);
        assertThat(current(env + "-redis").revision()).isEqualTo(1);

        assertThat(result.output("url")).isEqualTo("https://" + env + ".dev.example.com");
        assertThat(result.output("cluster")).isEqualTo(env);
        assertThat(result.output("task-definitions")).contains("\"" + env + "-web\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/" + env + "-web:2\"");
        assertThat(result.summary()).contains("| " + env + "-web | `" + EnvironmentFixture.BACKEND + ":v1` | `" + EnvironmentFixture.BACKEND
                + ":v2` | " + env + "-web:2 |").contains("```mermaid\ngantt").contains("migrations").contains("rollout");
    }

    @Test
    void frontendOnlyRolloutRunsNoOneOffTask() {
        String env = newEnvironment();
        aws.clearCalls();

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "frontend-image-tag", "v7"));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(actions()).doesNotContain("RunTask");
        assertThat(actions().stream().filter("UpdateService"::equals)).hasSize(1);
        assertThat(current(env + "-frontend").containerDefinitions().get(0).image()).isEqualTo(EnvironmentFixture.FRONTEND + ":v7");
        assertThat(current(env + "-web").revision()).isEqualTo(1);
    }

    @Test
    void failedMigrationChangesNoService() {
        String env = newEnvironment();
        aws.behaviour("{\"tasks\": {\"" + env + "-migrate\": {\"exitCode\": 1, \"logLines\": [\"django.db.utils.OperationalError: boom\"]}}}");
        aws.clearCalls();

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "backend-image-tag", "v2"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(actions()).contains("RunTask").doesNotContain("UpdateService");
        assertThat(result.log()).contains("django.db.utils.OperationalError: boom")
                .containsPattern("::error::Pre-deploy task " + env + "-migrate failed: " + env + " exited 1|::error::Pre-deploy task "
                        + env + "-migrate failed: migrate exited 1");
        assertThat(result.output("failure-reason")).isEqualTo("pre-deploy-failed");
    }

    @Test
    void circuitBreakerRollbackFailsWithTheReasons() {
        String env = newEnvironment();
        aws.behaviour("{\"services\": {\"" + env + "-web\": {\"outcome\": \"ROLLBACK\", \"logLines\": [\"gunicorn: ImportError: cannot import name 'x'\"]}}}");

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "backend-image-tag", "v2"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output("failure-reason")).isEqualTo("rollout-failed");
        assertThat(result.log()).contains("::error::Rollout of " + env + "-web to " + env + "-web:2 failed")
                .contains("circuit breaker")
                .contains("Essential container in task exited")
                .contains("ImportError: cannot import name 'x'");
    }

    @Test
    void waitTimeoutSaysWhatWasPending() {
        String env = newEnvironment();
        aws.behaviour("{\"services\": {\"" + env + "-worker\": {\"outcome\": \"HANG\"}}}");

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "backend-image-tag", "v2",
                "wait-timeout", "4s"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output("failure-reason")).isEqualTo("timeout");
        assertThat(result.log()).contains("::error::Services did not finish rolling out within wait-timeout")
                .contains(env + "-worker (IN_PROGRESS");
    }

    @Test
    void deployToAStoppedEnvironmentSaysSoAndDoesNotWaitForTasks() {
        String env = newEnvironment();
        for (String service : List.of("web", "worker", "beat", "frontend", "redis")) fixture.scale(env, service, 0);

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "frontend-image-tag", "v4",
                "wait-timeout", "30s"));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(result.log()).contains("::notice::Environment " + env + " is stopped");
        assertThat(current(env + "-frontend").containerDefinitions().get(0).image()).isEqualTo(EnvironmentFixture.FRONTEND + ":v4");
    }

    @Test
    void unknownEnvironmentIsNamed() {
        Program.Result result = program().action(Map.of("operation", "deploy", "environment", "nosuchenv", "backend-image-tag", "v2"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output("failure-reason")).isEqualTo("unknown-environment");
        assertThat(result.log()).contains("::error::Environment 'nosuchenv' was not found: no manifest at SSM parameter /adhoc/nosuchenv");
    }

    @Test
    void badInputMakesNoAwsCall() {
        aws.clearCalls();
        Program.Result badName = program().action(Map.of("operation", "deploy", "environment", "Bad_Name;rm", "backend-image-tag", "v2"));
        Program.Result badTag = program().action(Map.of("operation", "deploy", "environment", "alpha", "backend-image-tag", "v2:bad"));
        Program.Result noTag = program().action(Map.of("operation", "deploy", "environment", "alpha"));
        Program.Result badTimeout = program().action(Map.of("operation", "deploy", "environment", "alpha", "backend-image-tag", "v2",
                "wait-timeout", "soon"));

        assertThat(List.of(badName, badTag, noTag, badTimeout)).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.output("failure-reason")).isEqualTo("invalid-input");
        });
        assertThat(badName.log()).contains("::error::Environment name 'Bad_Name;rm' is not valid");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        String env = newEnvironment();
        aws.behaviour("""
                {"faults": [
                  {"service": "ecs", "action": "DescribeServices", "status": 400, "code": "ThrottlingException", "message": "Rate exceeded", "times": 3},
                  {"service": "ecs", "action": "RegisterTaskDefinition", "status": 500, "code": "ServerException", "message": "internal", "times": 1},
                  {"service": "ssm", "action": "GetParameter", "status": 503, "code": "ServiceUnavailable", "message": "unavailable", "times": 1}
                ]}""");
        aws.clearCalls();

        Program.Result result = program().action(Map.of("operation", "deploy", "environment", env, "frontend-image-tag", "v3"));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(aws.calls().stream().filter(c -> c.action().equals("DescribeServices")).count()).isGreaterThan(3);
    }
}
