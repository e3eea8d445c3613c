package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.testing.EnvironmentFixture;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/** {@code stop} and {@code start} against the local AWS's model of service scaling. */
class StopStartIT {
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
        aws.behaviour("{\"deploymentSeconds\": 0.5}");
    }

    private static String newEnvironment() {
        String name = "ss" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        fixture.create(name, "v1");
        return name;
    }

    private Program program() {
        return new Program(work, aws.environment());
    }

    private Map<String, String> counts(String env) {
        List<String> names = List.of("web", "worker", "beat", "frontend", "redis");
        List<Service> services = fixture.ecs().describeServices(r -> r.cluster(env).services(names.stream().map(n -> env + "-" + n).toList())
                .include(ServiceField.TAGS)).services();
        Map<String, String> counts = new LinkedHashMap<>();
        for (Service s : services) {
            counts.put(s.serviceName().substring(env.length() + 1), s.desiredCount() + "/" + s.runningCount());
        }
        return counts;
    }

    @Test
    void stopScalesToZeroAndStartRestoresTheCountsItHad() {
        String env = newEnvironment();
        fixture.scale(env, "web", 2);

        Program.Result stopped = program().action(Map.of("operation", "stop", "environment", env));

        assertThat(stopped.exitCode()).as(stopped.log()).isZero();
        assertThat(counts(env)).containsExactly(Map.entry("web", "0/0"), Map.entry("worker", "0/0"), Map.entry("beat", "0/0"),
                Map.entry("frontend", "0/0"), Map.entry("redis", "0/0"));
        assertThat(stopped.log()).contains(env + "-web: 2 → 0 (remembered 2)").contains("✓ " + env + "-web runs 0 tasks")
                .contains("::notice::Stopped " + env);
        assertThat(stopped.summary()).contains("| " + env + "-web | 2 | 0 |");
        var tags = fixture.ecs().describeServices(r -> r.cluster(env).services(env + "-web").include(ServiceField.TAGS)).services().get(0).tags();
        assertThat(tags).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("adhoc:desired-count");
            assertThat(t.value()).isEqualTo("2");
        });

        Program.Result again = program().action(Map.of("operation", "stop", "environment", env));
        assertThat(again.exitCode()).as(again.log()).isZero();
        assertThat(again.log()).contains("::notice::Environment " + env + " is already stopped");

        aws.clearCalls();
        Program.Result started = program().action(Map.of("operation", "start", "environment", env));

        assertThat(started.exitCode()).as(started.log()).isZero();
        assertThat(counts(env)).containsExactly(Map.entry("web", "2/2"), Map.entry("worker", "1/1"), Map.entry("beat", "1/1"),
                Map.entry("frontend", "1/1"), Map.entry("redis", "1/1"));
        assertThat(started.log()).contains(env + "-web: 0 → 2").contains("✓ " + env + "-web runs 2 tasks");
        assertThat(started.output("url")).isEqualTo("https://" + env + ".dev.example.com");
        assertThat(aws.calls().stream().filter(c -> c.action().equals("UntagResource"))).hasSize(5);
        var after = fixture.ecs().describeServices(r -> r.cluster(env).services(env + "-web").include(ServiceField.TAGS)).services().get(0).tags();
        assertThat(after).noneMatch(t -> t.key().equals("adhoc:desired-count"));

        Program.Result startedAgain = program().action(Map.of("operation", "start", "environment", env));
        assertThat(startedAgain.exitCode()).as(startedAgain.log()).isZero();
        assertThat(startedAgain.log()).contains("is not stopped (every service has tasks): nothing to start");
    }

    @Test
    void startWithoutRememberedCountsChangesNothing() {
        String env = newEnvironment();
        fixture.scale(env, "worker", 0);
        aws.clearCalls();

        Program.Result result = program().action(Map.of("operation", "start", "environment", env));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output("failure-reason")).isEqualTo("stopped-counts-unknown");
        assertThat(result.log()).contains("::error::Cannot start " + env + ": " + env + "-worker is at 0 tasks with no remembered count");
        assertThat(aws.calls()).extracting(LocalAws.Call::action).doesNotContain("UpdateService", "TagResource", "UntagResource");
    }

    @Test
    void stopThatDoesNotFinishInTimeSaysWhatIsStillRunning() {
        String env = newEnvironment();
        aws.behaviour("{\"deploymentSeconds\": 30}");

        Program.Result result = program().action(Map.of("operation", "stop", "environment", env, "wait-timeout", "2s"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output("failure-reason")).isEqualTo("timeout");
        assertThat(result.log()).contains("::error::Services of " + env + " did not reach their task counts within wait-timeout")
                .contains(env + "-web (1 running, want 0)");
    }

    @Test
    void badInputMakesNoAwsCall() {
        aws.clearCalls();
        Program.Result noName = program().action(Map.of("operation", "stop"));
        Program.Result badTimeout = program().action(Map.of("operation", "start", "environment", "alpha", "wait-timeout", "later"));

        assertThat(List.of(noName, badTimeout)).allSatisfy(r -> assertThat(r.exitCode()).isEqualTo(2));
        assertThat(aws.calls()).isEmpty();
    }
}
