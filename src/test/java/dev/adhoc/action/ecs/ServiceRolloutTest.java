package dev.adhoc.action.ecs;

import static dev.adhoc.action.ecs.FakeEcs.Services.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.ecs.FakeEcs.Services;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.util.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class ServiceRolloutTest {
    private static final String V1 = "arn:aws:ecs:us-east-1:1:task-definition/a-web:1";
    private static final String V2 = "arn:aws:ecs:us-east-1:1:task-definition/a-web:2";

    private static Deployment deployment(String status, String td, String rollout) {
        return Deployment.builder().status(status).taskDefinition(td).rolloutState(rollout).rolloutStateReason("reason " + rollout).build();
    }

    @Test
    void completeOnlyWhenThePrimaryRunsTheTargetCompletedAndAlone() {
        Service rolling = Service.builder().deployments(deployment("PRIMARY", V2, "IN_PROGRESS"), deployment("ACTIVE", V1, "COMPLETED")).build();
        Service draining = Service.builder().deployments(deployment("PRIMARY", V2, "COMPLETED"), deployment("ACTIVE", V1, "COMPLETED")).build();
        Service done = Service.builder().deployments(deployment("PRIMARY", V2, "COMPLETED")).build();
        Service other = Service.builder().deployments(deployment("PRIMARY", V1, "COMPLETED")).build();
        assertThat(ServiceRollout.isComplete(rolling, V2)).isFalse();
        assertThat(ServiceRollout.isComplete(draining, V2)).isFalse();
        assertThat(ServiceRollout.isComplete(done, V2)).isTrue();
        assertThat(ServiceRollout.isComplete(other, V2)).isFalse();
        assertThat(ServiceRollout.isComplete(other, null)).isTrue();
    }

    @Test
    void failedWhenTheTargetDeploymentFailedOrWasReplaced() {
        Service failed = Service.builder().deployments(deployment("PRIMARY", V2, "FAILED")).build();
        Service rollingBack = Service.builder().deployments(deployment("PRIMARY", V1, "IN_PROGRESS"), deployment("ACTIVE", V2, "FAILED")).build();
        Service replaced = Service.builder().deployments(deployment("PRIMARY", V1, "COMPLETED")).build();
        Service fine = Service.builder().deployments(deployment("PRIMARY", V2, "IN_PROGRESS"), deployment("ACTIVE", V1, "COMPLETED")).build();
        assertThat(ServiceRollout.failure(failed, V2)).get().extracting(ServiceRollout.Failed::why, ServiceRollout.Failed::ownTasks)
                .containsExactly("reason FAILED", true);
        assertThat(ServiceRollout.failure(rollingBack, V2)).get().extracting(ServiceRollout.Failed::why, ServiceRollout.Failed::ownTasks)
                .containsExactly("reason FAILED", true);
        assertThat(ServiceRollout.failure(replaced, V2)).get().extracting(ServiceRollout.Failed::why, ServiceRollout.Failed::ownTasks)
                .containsExactly("another deployment, to a-web:1, replaced it before it completed (most likely a newer deploy of this environment)",
                        false);
        assertThat(ServiceRollout.failure(fine, V2)).isEmpty();
    }

    // The waits below run against ECS in memory on a clock that moves only when the poll pauses.
    private static final String WEB = "alpha-web";
    private static final String WEB_1 = FakeEcs.arn(WEB, 1);
    private static final String WEB_2 = FakeEcs.arn(WEB, 2);
    private static final String WEB_3 = FakeEcs.arn(WEB, 3);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeEcs ecs = new FakeEcs();
    private final FakeTime time = new FakeTime();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ServiceRollout rollout = new ServiceRollout(ecs, new FakeLogs(),
            new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false), time.poll());

    /** Environment alpha's manifest as the module writes it, with these services, pre-deploy tasks and images. */
    static Manifest manifest(List<String> services, List<String> preDeployTasks, Map<String, String> images) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = json.createObjectNode().put("version", 1).put("environment", "alpha").put("url", "https://alpha.example.com")
                .put("region", "us-east-1").put("cluster", "adhoc-alpha");
        document.set("services", json.valueToTree(services));
        document.set("preDeployTasks", json.valueToTree(preDeployTasks));
        document.set("images", json.valueToTree(images));
        document.putObject("network").put("assignPublicIp", "DISABLED").set("subnets", json.valueToTree(List.of("subnet-1")));
        return Manifest.parse(document.toString(), json);
    }

    private static ServiceEvent event(int second, String message) {
        return ServiceEvent.builder().id("event-" + second).createdAt(T0.plusSeconds(second)).message("(service alpha-web) " + message).build();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private List<ServiceRollout.Completed> awaitWeb(String target, List<Service> before, Duration timeout) {
        return rollout.await(manifest(List.of(WEB), List.of(), Map.of()), Map.of(WEB, target), before, time.poll().deadline(timeout));
    }

    @Test
    void eachNewServiceEventIsPrintedOnceAndEventsFromBeforeTheRolloutNever() {
        ServiceEvent steady = event(0, "has reached a steady state.");
        ServiceEvent started = event(10, "has started 1 tasks: (task 1).");
        ServiceEvent stopped = event(20, "has stopped 1 running tasks: (task 0).");
        ServiceEvent done = event(30, "deployment completed.");
        Service before = service(WEB, List.of(steady), Services.deployment("PRIMARY", WEB_1, "COMPLETED"));
        Deployment rolling = Services.deployment("PRIMARY", WEB_2, "IN_PROGRESS");
        Deployment old = Services.deployment("ACTIVE", WEB_1, "COMPLETED");
        ecs.service(WEB,
                service(WEB, List.of(started, steady), rolling, old),
                service(WEB, List.of(started, steady), rolling, old),
                service(WEB, List.of(stopped, started, steady), rolling, old),
                service(WEB, List.of(done, stopped, started, steady), Services.deployment("PRIMARY", WEB_2, "COMPLETED")));

        List<ServiceRollout.Completed> completed = awaitWeb(WEB_2, List.of(before), Duration.ofMinutes(5));

        assertThat(completed).extracting(ServiceRollout.Completed::service, ServiceRollout.Completed::taskDefinitionArn,
                ServiceRollout.Completed::took).containsExactly(tuple(WEB, WEB_2, Duration.ofMillis(250 + 375 + 562)));
        assertThat(printed().lines().filter(line -> line.startsWith(WEB + " | ")))
                .containsExactly(WEB + " | " + started.message(), WEB + " | " + stopped.message(), WEB + " | " + done.message());
        assertThat(printed()).contains("✓ alpha-web is running alpha-web:2 (1.2s)");
        assertThat(time.sleptMillis()).containsExactly(250L, 375L, 562L);
    }

    @Test
    void aDeploymentTheCircuitBreakerRollsBackFailsTheRolloutWithTheReasonAndTheStoppedTasks() {
        String why = "ECS deployment circuit breaker: tasks failed to start";
        ecs.service(WEB,
                service(WEB, List.of(event(10, "has started 1 tasks.")), Services.deployment("PRIMARY", WEB_2, "IN_PROGRESS"),
                        Services.deployment("ACTIVE", WEB_1, "COMPLETED")),
                service(WEB, List.of(event(20, "deployment failed: tasks failed to start."), event(10, "has started 1 tasks.")),
                        Services.deployment("PRIMARY", WEB_1, "IN_PROGRESS"),
                        Services.deployment("ACTIVE", WEB_2, "FAILED", why)));
        ecs.stopped(WEB, Task.builder().taskArn(FakeEcs.ACCOUNT + "task/adhoc-alpha/web-task-1").taskDefinitionArn(WEB_2)
                .lastStatus("STOPPED").stoppedAt(T0.plusSeconds(15)).stoppedReason("Essential container in task exited")
                .containers(Container.builder().name("web").exitCode(3).build()).build());
        ecs.definition(TaskDefinition.builder().family(WEB).revision(2).taskDefinitionArn(WEB_2)
                .containerDefinitions(c -> c.name("web").image("repo/backend:v2")).build());

        assertThatThrownBy(() -> awaitWeb(WEB_2, List.of(), Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RolloutFailure.class, failure -> {
                    assertThat(failure.is(FailureReason.ROLLOUT_FAILED)).isTrue();
                    assertThat(failure.step()).isEqualTo("rollout");
                    assertThat(failure.getMessage()).startsWith("Rollout of alpha-web to alpha-web:2 failed: " + why + ". "
                            + "First stopped task: web-task-1: Essential container in task exited; web exit 3.");
                    assertThat(failure.stoppedTaskReasons()).containsExactly("web-task-1: Essential container in task exited; web exit 3");
                    assertThat(failure.serviceEvents()).hasSize(2).first().asString().endsWith("deployment failed: tasks failed to start.");
                });
        assertThat(printed()).contains("Why alpha-web failed", "Deployment: " + why);
        assertThat(time.sleptMillis()).as("failed at the describe that showed it").hasSize(1);
    }

    @Test
    void aDeploymentReplacedByAnotherWhileWaitingFailsOnceItIsGoneNamingTheRevisionRunningNow() {
        // Tasks of revision 2 stopped because revision 3 replaced them: they explain nothing and are not reported.
        ecs.stopped(WEB, Task.builder().taskArn(FakeEcs.ACCOUNT + "task/adhoc-alpha/web-task-1").taskDefinitionArn(WEB_2)
                .lastStatus("STOPPED").stoppedAt(T0.plusSeconds(15)).stoppedReason("Scaling activity initiated by (deployment ecs-svc/3)")
                .build());
        ecs.service(WEB,
                service(WEB, List.of(), Services.deployment("PRIMARY", WEB_2, "IN_PROGRESS"),
                        Services.deployment("ACTIVE", WEB_1, "COMPLETED")),
                // Someone deploys revision 3 while ours is still rolling out: ours drains away.
                service(WEB, List.of(), Services.deployment("PRIMARY", WEB_3, "IN_PROGRESS"),
                        Services.deployment("ACTIVE", WEB_2, "IN_PROGRESS")),
                service(WEB, List.of(), Services.deployment("PRIMARY", WEB_3, "COMPLETED")));

        assertThatThrownBy(() -> awaitWeb(WEB_2, List.of(), Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RolloutFailure.class, failure -> {
                    assertThat(failure.is(FailureReason.ROLLOUT_FAILED)).isTrue();
                    assertThat(failure.step()).isEqualTo("rollout");
                    assertThat(failure.getMessage()).isEqualTo("Rollout of alpha-web to alpha-web:2 failed: another deployment, to "
                            + "alpha-web:3, replaced it before it completed (most likely a newer deploy of this environment). Check who "
                            + "deployed alpha-web:3 (the service's events are under 'Why alpha-web failed' above) and deploy again if "
                            + "alpha-web:2 should be running.");
                    assertThat(failure.getMessage()).doesNotContain("circuit breaker", "rolled");
                    assertThat(failure.stoppedTaskReasons()).isEmpty();
                });
        assertThat(printed()).contains("Why alpha-web failed").doesNotContain("Stopped tasks:");
        assertThat(time.sleptMillis()).as("not waited out to the timeout").hasSize(2);
    }

    @Test
    void aRolloutStillGoingAtTheDeadlineFailsAsATimeoutNamingWhereEachServiceIs() {
        ecs.service(WEB, service(WEB, List.of(), Services.deployment("PRIMARY", WEB_2, "IN_PROGRESS"),
                Services.deployment("ACTIVE", WEB_1, "COMPLETED")));

        assertThatThrownBy(() -> awaitWeb(WEB_2, List.of(), Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(AdhocFailure.class, failure -> {
                    assertThat(failure.is(FailureReason.TIMEOUT)).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("Services did not finish rolling out within wait-timeout (1m 0s); still "
                            + "pending: alpha-web (IN_PROGRESS, 0/1 running, 2 deployments). ECS keeps rolling out; check the service "
                            + "events, or raise wait-timeout.");
                });
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ecs.changes()).as("a wait changes nothing").isEmpty();
    }
}
