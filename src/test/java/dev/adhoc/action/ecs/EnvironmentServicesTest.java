package dev.adhoc.action.ecs;

import static dev.adhoc.action.ecs.FakeEcs.Services.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.util.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scaling for stop and start against ECS in memory, on a clock that only the wait moves. */
class EnvironmentServicesTest {
    private static final String WEB = "alpha-web";
    private static final String WORKER = "alpha-worker";

    private final FakeEcs ecs = new FakeEcs();
    private final FakeTime time = new FakeTime();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final EnvironmentServices services = new EnvironmentServices(ecs,
            new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false), time.poll());
    private final Manifest manifest = ServiceRolloutTest.manifest(List.of(WEB, WORKER), List.of(), Map.of());

    @Test
    void eachServiceIsDoneWhenItRunsItsCountWithNonePending() {
        ecs.service(WEB, counts(WEB, 2, 1, 1), counts(WEB, 2, 2, 1), counts(WEB, 2, 2, 0));
        ecs.service(WORKER, counts(WORKER, 1, 1, 0));

        services.scale("adhoc-alpha", WEB, 2);
        services.awaitCounts(manifest, Map.of(WEB, 2, WORKER, 1), time.poll().deadline(Duration.ofMinutes(5)));

        assertThat(ecs.changes()).containsExactly("UpdateService alpha-web desiredCount 2");
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly("✓ alpha-worker runs 1 task", "✓ alpha-web runs 2 tasks");
        assertThat(time.sleptMillis()).hasSize(2);
    }

    @Test
    void countsNotReachedByTheDeadlineFailAsATimeoutNamingWhatEachServiceRuns() {
        ecs.service(WEB, counts(WEB, 0, 1, 0));
        ecs.service(WORKER, counts(WORKER, 0, 0, 0));

        assertThatThrownBy(() -> services.awaitCounts(manifest, Map.of(WEB, 0, WORKER, 0), time.poll().deadline(Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(AdhocFailure.class, failure -> {
                    assertThat(failure.is(FailureReason.TIMEOUT)).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("Services of alpha did not reach their task counts within wait-timeout "
                            + "(1m 0s): alpha-web (1 running, want 0). ECS keeps scaling; check the service events in the ECS console, "
                            + "or raise wait-timeout.");
                });
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(1));
    }
}
