package dev.adhoc.action.ecs;

import static dev.adhoc.action.ecs.FakeEcs.Services.deployment;
import static dev.adhoc.action.ecs.FakeEcs.Services.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.adhoc.action.FailureReason;
import dev.adhoc.action.ecs.FakeEcs.Tasks;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.ImageTag;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.util.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** deploy against ECS in memory: registers, runs the migration, updates the services, waits; no real time passes. */
class EnvironmentRolloutTest {
    private static final String REPOSITORY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/backend";
    private static final String WEB = "alpha-web";
    private static final String MIGRATE = "alpha-migrate";
    private static final String MIGRATE_LOGS = "/adhoc/alpha/migrate";

    private final FakeEcs ecs = new FakeEcs()
            .definition(definition(WEB, "web", null), Tag.builder().key("environment").value("alpha").build())
            .definition(definition(MIGRATE, "migrate", MIGRATE_LOGS))
            .service(WEB, service(WEB, List.of(), deployment("PRIMARY", FakeEcs.arn(WEB, 1), "COMPLETED")));
    private final FakeLogs logs = new FakeLogs();
    private final FakeTime time = new FakeTime();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final EnvironmentRollout rollout = new EnvironmentRollout(ecs, logs,
            new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false), time.poll());
    private final Manifest manifest = ServiceRolloutTest.manifest(List.of(WEB), List.of(MIGRATE), Map.of(Manifest.BACKEND, REPOSITORY));
    private final List<String> phases = new ArrayList<>();

    private static TaskDefinition definition(String family, String container, String logGroup) {
        return TaskDefinition.builder().family(family).revision(1).taskDefinitionArn(FakeEcs.arn(family, 1))
                .containerDefinitions(c -> {
                    c.name(container).image(REPOSITORY + ":v1").essential(true);
                    if (logGroup != null) {
                        c.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                                .options(Map.of("awslogs-group", logGroup, "awslogs-stream-prefix", "ecs")));
                    }
                }).build();
    }

    /** Runs each phase, noting its name. */
    private Phases phases() {
        return new Phases() {
            @Override
            public <T> T phase(String name, Supplier<T> body) {
                phases.add(name);
                return body.get();
            }
        };
    }

    @Test
    void afterAnApplyTheMigrationRunsAndEveryServiceIsAwaitedOnWhatTerraformSetNothingElseChanging() {
        ecs.service(WEB, service(WEB, List.of(), deployment("PRIMARY", FakeEcs.arn(WEB, 1), "IN_PROGRESS")),
                service(WEB, List.of(), deployment("PRIMARY", FakeEcs.arn(WEB, 1), "COMPLETED")));
        ecs.run(MIGRATE, Tasks.running(), Tasks.stopped("migrate", 0));

        EnvironmentRollout.Outcome outcome = rollout.settle(manifest, time.poll().deadline(Duration.ofMinutes(10)), phases());

        assertThat(ecs.changes()).containsExactly("RunTask alpha-migrate:1 FARGATE");
        assertThat(phases).containsExactly("migrations", "rollout");
        assertThat(outcome.services()).extracting(EnvironmentRollout.ServiceChange::service, EnvironmentRollout.ServiceChange::toImages)
                .containsExactly(tuple(WEB, ""));
        assertThat(outcome.images()).isEqualTo(Map.of(Manifest.BACKEND, "v1"));
        assertThat(outcome.taskDefinitions()).isEqualTo(Map.of(WEB, FakeEcs.arn(WEB, 1), MIGRATE, FakeEcs.arn(MIGRATE, 1)));
    }

    private EnvironmentRollout.Outcome deployV2() {
        return rollout.deploy(manifest, Map.of(REPOSITORY, ImageTag.of("v2")), time.poll().deadline(Duration.ofMinutes(10)), phases());
    }

    @Test
    void theMigrationRunsOnFargateBeforeAnyServiceChangesAndTheOutcomeNamesWhatRunsNow() {
        ecs.run(MIGRATE, Tasks.running(), Tasks.stopped("migrate", 0));
        ecs.onUpdate(WEB, target -> List.of(
                service(WEB, List.of(), deployment("PRIMARY", target, "IN_PROGRESS"), deployment("ACTIVE", FakeEcs.arn(WEB, 1), "COMPLETED")),
                service(WEB, List.of(), deployment("PRIMARY", target, "COMPLETED"))));

        EnvironmentRollout.Outcome outcome = deployV2();

        assertThat(ecs.changes()).containsSubsequence("RunTask alpha-migrate:2 FARGATE", "UpdateService alpha-web → alpha-web:2");
        assertThat(ecs.changes()).containsExactlyInAnyOrder("RegisterTaskDefinition alpha-web:2", "RegisterTaskDefinition alpha-migrate:2",
                "RunTask alpha-migrate:2 FARGATE", "UpdateService alpha-web → alpha-web:2");
        assertThat(phases).containsExactly("migrations", "rollout");
        assertThat(outcome.images()).isEqualTo(Map.of(Manifest.BACKEND, "v2"));
        assertThat(outcome.taskDefinitions()).isEqualTo(Map.of(WEB, FakeEcs.arn(WEB, 2), MIGRATE, FakeEcs.arn(MIGRATE, 2)));
        assertThat(outcome.services()).singleElement().satisfies(change -> {
            assertThat(change.fromImages()).isEqualTo(REPOSITORY + ":v1");
            assertThat(change.toImages()).isEqualTo(REPOSITORY + ":v2");
        });
        assertThat(outcome.preDeployTasks()).singleElement().satisfies(task -> assertThat(task.succeeded()).isTrue());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Updated alpha-web → alpha-web:2", "✓ alpha-migrate succeeded",
                "✓ alpha-web is running alpha-web:2");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(FakeEcs.arn(WEB, 2)).include(TaskDefinitionField.TAGS)).tags())
                .as("the new revision keeps the old one's tags").extracting(Tag::key).containsExactly("environment");
    }

    @Test
    void aMigrationThatExitsNonZeroFailsTheDeployWithItsLogAndChangesNoService() {
        ecs.run(MIGRATE, Tasks.running(), Tasks.running(), Tasks.stopped("migrate", 1));
        logs.group(MIGRATE_LOGS, "Applying shop.0007_price... ", "django.db.utils.ProgrammingError: column \"price\" already exists");

        assertThatThrownBy(this::deployV2).isInstanceOfSatisfying(RolloutFailure.class, failure -> {
            assertThat(failure.is(FailureReason.PRE_DEPLOY_FAILED)).isTrue();
            assertThat(failure.step()).isEqualTo("pre-deploy task alpha-migrate");
            assertThat(failure.getMessage()).isEqualTo("Pre-deploy task alpha-migrate failed: migrate exited 1 (Essential container in "
                    + "task exited). No service was changed; the environment still runs the previous images. Fix the task (its log is "
                    + "in the group above) and deploy again.");
            assertThat(failure.lastLogLines()).containsExactly("Applying shop.0007_price...",
                    "django.db.utils.ProgrammingError: column \"price\" already exists");
        });
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("migrate | django.db.utils.ProgrammingError: column \"price\" already exists");
        assertThat(ecs.changes()).filteredOn(change -> change.startsWith("UpdateService")).isEmpty();
        assertThat(ecs.changes()).contains("RunTask alpha-migrate:2 FARGATE");
    }
}
