package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.Main;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import dev.adhoc.action.testing.TerraformFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * A {@code create} cancelled mid-apply, as GitHub cancels a step: the program runs in its own JVM
 * with real terraform on the local AWS, one ECS call is slowed down so the apply is surely
 * running, and the JVM gets SIGINT. terraform must be interrupted once, save its state and
 * release its lock; the run ends 130 with the report marked cancelled; the next {@code create}
 * then succeeds without any unlock and leaves no resource twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CancelIT {
    private static final String ENV = "cancel";
    @TempDir
    static Path work;
    private static LocalAws aws;
    private static TerraformFixture terraform;
    private static EcsClient ecs;
    private static ElasticLoadBalancingV2Client elb;

    @BeforeAll
    static void applyShared() {
        aws = LocalAws.start();
        aws.behaviour("{\"deploymentSeconds\": 0.3, \"taskSeconds\": 0.3}");
        terraform = TerraformFixture.applyShared(aws, work);
        ecs = aws.client(EcsClient.builder());
        elb = aws.client(ElasticLoadBalancingV2Client.builder());
    }

    @AfterAll
    static void stop() {
        if (ecs != null) ecs.close();
        if (elb != null) elb.close();
        if (aws != null) aws.close();
    }

    private Map<String, String> inputs() {
        return inputs("v1");
    }

    private Map<String, String> inputs(String tag) {
        return Map.of(
                "operation", "create",
                "environment", ENV,
                "terraform-directory", terraform.adHocDirectory().toString(),
                "var-file", "local.tfvars",
                "backend-config", "local.backend.hcl",
                "database", "none",
                "backend-image-tag", tag,
                "frontend-image-tag", tag,
                "health-check-timeout", "off",
                "wait-timeout", "10m");
    }

    @Test
    @Order(1)
    void aCreateCancelledMidApplyKeepsStateAndLockCleanAndTheNextCreateFinishesIt() throws Exception {
        // The manifest parameter is made last, from every other resource's attributes; the read that follows its
        // creation is slowed down, so terraform is surely mid-apply, waiting on a read, when it is signalled.
        // (A create call in flight when terraform is interrupted may still take effect after terraform gave up
        // on it; terraform then has no record of it. See README, Capacity.)
        aws.behaviour("{\"faults\": [{\"service\": \"ssm\", \"action\": \"ListTagsForResource\", \"delaySeconds\": 8, \"times\": 1}]}");
        aws.clearCalls();
        Path outputs = Files.createTempFile(work, "output", ".txt");
        Path summary = Files.createTempFile(work, "summary", ".md");
        Path log = work.resolve("cancelled-run.log");
        Process run = separateJvm(outputs, summary, log);

        awaitCall("ssm", "ListTagsForResource", Duration.ofMinutes(5), run, log);
        new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start().waitFor();
        long signalled = System.nanoTime();

        assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("the cancelled run ends").isTrue();
        String printed = Files.readString(log);
        assertThat(run.exitValue()).as(printed).isEqualTo(130);
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(40));
        assertThat(printed).contains("Interrupting terraform (SIGINT)")
                .contains("terraform saved its state and released the lock")
                .contains("::error::The run was cancelled (SIGINT)");
        assertThat(Files.readString(outputs)).contains("failure-reason<<").contains("cancelled");
        assertThat(Files.readString(summary)).contains("Cancelled").contains("Where it stopped").contains("during terraform");
        assertThat(lockFiles()).as("no state lock is left behind").isEmpty();

        aws.resetBehaviour();
        aws.behaviour("{\"deploymentSeconds\": 0.3, \"taskSeconds\": 0.3}");
        Program.Result again = new Program(work, terraform.processEnvironment()).action(inputs());

        assertThat(again.exitCode()).as(again.log()).isZero();
        assertThat(again.log()).doesNotContain("force-unlock").doesNotContain("state-locked").doesNotContain("already exists");
        // Everything the interrupted apply made is in the state: nothing was made twice.
        assertThat(ecs.listServices(r -> r.cluster(again.output("cluster"))).serviceArns()).hasSize(5);
        assertThat(elb.describeTargetGroups().targetGroups().stream().filter(g -> g.targetGroupName().contains(ENV + "-")))
                .hasSize(2);
        assertThat(elb.describeLoadBalancers().loadBalancers().stream()
                .flatMap(lb -> elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners().stream())
                .flatMap(l -> elb.describeRules(r -> r.listenerArn(l.listenerArn())).rules().stream())
                .filter(rule -> rule.conditions().stream().anyMatch(c -> c.toString().contains(ENV + ".adhoc.test"))))
                .hasSize(2);
    }

    @Test
    @Order(2)
    void aCancelWhileWaitingOnEcsEndsTheWaitAtOnce() throws Exception {
        aws.behaviour("{\"services\": {\"*\": {\"outcome\": \"HANG\"}}}");
        Path outputs = Files.createTempFile(work, "output", ".txt");
        Path summary = Files.createTempFile(work, "summary", ".md");
        Path log = work.resolve("cancelled-wait.log");
        Process run = separateJvm(inputs("v2"), outputs, summary, log);

        awaitLog("::group::Wait for services", Duration.ofMinutes(5), run, log);
        Thread.sleep(1000);
        new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).inheritIO().start().waitFor();

        assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("the wait ends with the signal, not after wait-timeout").isTrue();
        String printed = Files.readString(log);
        assertThat(run.exitValue()).as(printed).isEqualTo(143);
        assertThat(printed).contains("::error::The run was cancelled (SIGTERM)").doesNotContain("Interrupting terraform");
        assertThat(Files.readString(summary)).contains("Cancelled (SIGTERM) during rollout; finished before: database, terraform, migrations.");
        aws.resetBehaviour();
    }

    @Test
    @Order(3)
    void aSecondSignalStopsAtOnce() throws Exception {
        // Earlier runs of this class wrote the environment's state: the object the stopping run writes.
        String statePut = aws.calls().stream().filter(c -> "s3".equals(c.service()) && c.action().startsWith("PUT ")
                && c.action().endsWith("/cancel/ad-hoc/terraform.tfstate")).map(LocalAws.Call::action).findFirst()
                .orElse("PUT /adhoc-local-state/env:/cancel/ad-hoc/terraform.tfstate");
        aws.clearCalls();
        // The services' update answers late, so terraform is surely mid-apply when the signals come
        // however fast the machine; its state write after the interrupt is slow, so the run is still
        // stopping when the second signal comes.
        aws.behaviour("{\"faults\": [{\"service\": \"ecs\", \"action\": \"UpdateService\", \"delaySeconds\": 8, \"times\": 1}, "
                + "{\"service\": \"s3\", \"action\": \"" + statePut + "\", \"delaySeconds\": 10, \"times\": 1}]}");
        Path log = work.resolve("twice-signalled.log");
        Process run = separateJvm(inputs("v3"), Files.createTempFile(work, "output", ".txt"), Files.createTempFile(work, "summary", ".md"), log);

        awaitCall("ecs", "UpdateService", Duration.ofMinutes(5), run, log);
        new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start().waitFor();
        Thread.sleep(500);
        long second = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start().waitFor();

        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(log);
        assertThat(Duration.ofNanos(System.nanoTime() - second)).as(printed).isLessThan(Duration.ofSeconds(5));
        assertThat(run.exitValue()).as(printed).isEqualTo(130);
        assertThat(printed).contains("Interrupting terraform (SIGINT)").contains("Second SIGINT: stopping at once.")
                .doesNotContain("::error::The run was cancelled");
    }

    /** The program as GitHub runs it: its own JVM, inputs in INPUT_* variables, outputs and summary in files. */
    private Process separateJvm(Path outputs, Path summary, Path log) throws Exception {
        return separateJvm(inputs(), outputs, summary, log);
    }

    private Process separateJvm(Map<String, String> inputs, Path outputs, Path summary, Path log) throws Exception {
        Map<String, String> env = new HashMap<>(terraform.processEnvironment());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        inputs.forEach((k, v) -> env.put("INPUT_" + k.toUpperCase(java.util.Locale.ROOT), v));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitLog(String text, Duration timeout, Process run, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) return;
            if (!run.isAlive()) throw new AssertionError("the run ended before '" + text + "':\n" + Files.readString(log));
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + Files.readString(log));
    }

    private void awaitCall(String service, String action, Duration timeout, Process run, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (aws.calls().stream().anyMatch(c -> service.equals(c.service()) && action.equals(c.action()))) return;
            if (!run.isAlive()) throw new AssertionError("the run ended before " + action + ":\n" + Files.readString(log));
            Thread.sleep(200);
        }
        throw new AssertionError("no " + action + " within " + timeout + ":\n" + Files.readString(log));
    }

    /** The S3 backend's lock objects ({@code <state key>.tflock}) in the state bucket; moto answers unsigned listings. */
    private List<String> lockFiles() throws Exception {
        String listing = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(aws.endpoint().resolve("/adhoc-local-state?list-type=2")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(listing).contains("terraform.tfstate");
        return java.util.regex.Pattern.compile("<Key>([^<]+\\.tflock)</Key>").matcher(listing).results().map(m -> m.group(1)).toList();
    }
}
