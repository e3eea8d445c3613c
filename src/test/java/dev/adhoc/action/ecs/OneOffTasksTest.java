package dev.adhoc.action.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.ecs.FakeEcs.Tasks;
import dev.adhoc.action.manifest.Network;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.util.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class OneOffTasksTest {
    private static final TaskDefinition SHELL = TaskDefinition.builder().family("alpha-shell").revision(4)
            .taskDefinitionArn(FakeEcs.arn("alpha-shell", 4)).containerDefinitions(c -> c.name("shell").image("backend:v1")).build();

    private final FakeEcs ecs = new FakeEcs().definition(SHELL);
    private final FakeTime time = new FakeTime();
    private final OneOffTasks tasks = new OneOffTasks(ecs, new FakeLogs(),
            new JobLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false), time.poll());
    private final Network network = new Network(List.of("subnet-1"), List.of("sg-1"), "DISABLED");

    @Test
    void theCommandOverrideRunsAndItsExitCodeIsTheResult() {
        ecs.run("alpha-shell", Tasks.running(), Tasks.stopped("shell", 3));

        TaskResult result = tasks.run("adhoc-alpha", SHELL, network,
                Optional.of(new OneOffTasks.CommandOverride("shell", List.of("python", "manage.py", "check"))),
                time.poll().deadline(Duration.ofMinutes(5)));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.describe()).isEqualTo("shell exited 3 (Essential container in task exited)");
        assertThat(time.sleptMillis()).startsWith(200L);
        assertThat(result.duration()).as("from RunTask to the describe that saw it stopped, on the poll's clock")
                .isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aTaskStillRunningAtTheDeadlineIsStoppedAndTheWaitFailsAsATimeout() {
        ecs.run("alpha-shell", Tasks.running());

        assertThatThrownBy(() -> tasks.run("adhoc-alpha", SHELL, network, Optional.empty(), time.poll().deadline(Duration.ofMinutes(2))))
                .isInstanceOfSatisfying(AdhocFailure.class, failure -> {
                    assertThat(failure.is(FailureReason.TIMEOUT)).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("Task alpha-shell (alpha-shell-1) was still RUNNING when wait-timeout (2m 0s) "
                            + "ran out; it has been stopped. Raise wait-timeout or look at the task's logs above.");
                });
        assertThat(ecs.changes())
                .containsExactly("RunTask alpha-shell:4 FARGATE", "StopTask alpha-shell-1 (adhoc-action: wait-timeout reached)");
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(2));
    }
}
