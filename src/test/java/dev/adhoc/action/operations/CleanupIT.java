package dev.adhoc.action.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubConnection;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.runtime.JobSummary;
import dev.adhoc.action.runtime.StepOutputs;
import dev.adhoc.action.testing.EnvironmentFixture;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/**
 * {@code cleanup} against the local AWS, with GitHub served by WireMock. SSM cannot be
 * backdated, so "now" is moved instead: the program's clock is set just short of seven days
 * after the youngest environment was made, which makes the one made before it older than 7d.
 */
class CleanupIT {
    private static final String REPOSITORY = "acme/shop";
    private static final String TOKEN = "ghs_cleanupTestToken123";
    private static LocalAws aws;
    private static EnvironmentFixture fixture;
    private static WireMockServer github;

    @TempDir
    Path work;

    /** The fleet of one test: an old environment, a young one, and three pull-request ones (young). */
    record Fleet(String prefix, String old, String young, String closed, String open, String unknown, Clock clock) {
    }

    @BeforeAll
    static void start() {
        aws = LocalAws.shared();
        fixture = new EnvironmentFixture(aws);
        github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        github.stubFor(get(urlEqualTo("/repos/" + REPOSITORY)).willReturn(okJson("""
                {"id": 1296269, "name": "shop", "full_name": "acme/shop", "private": false,
                 "owner": {"login": "acme", "id": 1, "type": "Organization"},
                 "url": "%1$s/repos/acme/shop", "html_url": "https://github.com/acme/shop"}""".formatted(github.baseUrl()))));
    }

    @AfterAll
    static void stop() {
        fixture.close();
        github.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetBehaviour();
    }

    private static void pullRequest(int number, String state) {
        github.stubFor(get(urlEqualTo("/repos/" + REPOSITORY + "/pulls/" + number)).willReturn(okJson("""
                {"id": %1$d, "number": %1$d, "state": "%2$s", "title": "Change %1$d", "merged": %3$s,
                 "url": "%4$s/repos/acme/shop/pulls/%1$d", "html_url": "https://github.com/acme/shop/pull/%1$d",
                 "head": {"ref": "feature-%1$d", "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e"},
                 "base": {"ref": "main", "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e"}}""".formatted(number, state,
                state.equals("closed"), github.baseUrl()))));
    }

    private static Fleet fleet() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String prefix = "/cleanup-" + suffix;
        int base = ThreadLocalRandom.current().nextInt(10_000, 90_000) * 10;
        Fleet fleet = new Fleet(prefix, "cuo-" + suffix, "cuy-" + suffix, "pr-" + (base + 1), "pr-" + (base + 2), "pr-" + (base + 3), null);
        fixture.create(fleet.old(), "v1", prefix);
        fixture.create(fleet.young(), "v1", prefix);
        for (String pr : List.of(fleet.closed(), fleet.open(), fleet.unknown())) fixture.create(pr, "v1", prefix);
        pullRequest(base + 1, "closed");
        pullRequest(base + 2, "open");
        github.stubFor(get(urlEqualTo("/repos/" + REPOSITORY + "/pulls/" + (base + 3)))
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        Instant old = created(prefix + "/" + fleet.old());
        Instant young = created(prefix + "/" + fleet.young());
        assertThat(old).isBefore(young);
        Clock clock = Clock.fixed(young.plus(Duration.ofDays(7)).minusMillis(1), ZoneOffset.UTC);
        return new Fleet(prefix, fleet.old(), fleet.young(), fleet.closed(), fleet.open(), fleet.unknown(), clock);
    }

    private static Instant created(String parameter) {
        return fixture.ssm().getParameterHistory(r -> r.name(parameter)).parameters().stream()
                .map(ParameterHistory::lastModifiedDate).min(Instant::compareTo).orElseThrow();
    }

    private Map<String, String> gitHubEnvironment() {
        Map<String, String> env = new HashMap<>(aws.processEnvironment());
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_REPOSITORY", REPOSITORY);
        return env;
    }

    private static Map<String, JsonNode> byName(String json) throws Exception {
        Map<String, JsonNode> result = new HashMap<>();
        new ObjectMapper().readTree(json).forEach(e -> result.put(e.get("environment").asText(), e));
        return result;
    }

    @Test
    void dryRunListsWhatWouldGoAndWhyAndDestroysNothing() throws Exception {
        Fleet fleet = fleet();
        aws.clearCalls();

        Program.Result result = new Program(work, gitHubEnvironment()).clock(fleet.clock()).action(Map.of(
                "operation", "cleanup", "manifest-prefix", fleet.prefix(), "older-than", "7d", "github-token", TOKEN));

        assertThat(result.exitCode()).as(result.log()).isZero();
        Map<String, JsonNode> candidates = byName(result.output("environments"));
        assertThat(candidates.keySet()).containsExactlyInAnyOrder(fleet.old(), fleet.closed());
        assertThat(candidates.get(fleet.old()).get("reasons").get(0).asText()).startsWith("older than 7d (age 7d 0h");
        assertThat(candidates.get(fleet.old()).get("result").asText()).isEqualTo("would destroy");
        assertThat(candidates.get(fleet.closed()).get("reasons").get(0).asText())
                .isEqualTo("pull request #" + fleet.closed().substring(3) + " is closed");
        assertThat(result.log()).contains("Would destroy " + fleet.old() + ": older than 7d")
                .contains("Would destroy " + fleet.closed() + ": pull request #")
                .contains("::warning::Could not ask GitHub whether pull request #" + fleet.unknown().substring(3) + " is closed")
                .contains(fleet.unknown() + " is kept")
                .contains("::notice::Dry run: nothing was destroyed");
        assertThat(result.log().replace("::add-mask::" + TOKEN, "")).doesNotContain(TOKEN);
        assertThat(result.summary()).contains("## Cleanup (dry run): older than 7d")
                .contains("| " + fleet.young() + " | 6d 23h | running | kept | - |")
                .contains("| " + fleet.old() + " | 7d 0h | running | would destroy | older than 7d");
        // Nothing changed in AWS: only reads.
        assertThat(aws.calls()).extracting(LocalAws.Call::action)
                .allMatch(a -> a.startsWith("Describe") || a.startsWith("Get") || a.startsWith("List"));
    }

    @Test
    void destroysTheCandidatesAndKeepsGoingPastAFailure() throws Exception {
        Fleet fleet = fleet();
        List<String> destroyed = Collections.synchronizedList(new ArrayList<>());
        List<String> handedOver = Collections.synchronizedList(new ArrayList<>());
        // The first candidate in name order (cuo-...) fails; the pull request's environment is still destroyed.
        EnvironmentAction destroyer = (context, environment) -> {
            handedOver.add(environment.value());
            context.log().info("destroying " + environment + " in cleanup's run");
            if (environment.value().equals(fleet.old())) {
                throw new AdhocFailure(FailureReason.TERRAFORM_FAILED, "terraform destroy failed: state lock held");
            }
            destroyed.add(environment.value());
        };

        Run run = cleanup(destroyer, Map.of(Input.MANIFEST_PREFIX, fleet.prefix(), Input.OLDER_THAN, "7d", Input.DRY_RUN, "false",
                Input.GITHUB_TOKEN, TOKEN), fleet.clock());

        assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
        assertThat(run.reason()).isEqualTo("cleanup-incomplete");
        assertThat(destroyed).containsExactly(fleet.closed());
        assertThat(handedOver).containsExactlyInAnyOrder(fleet.old(), fleet.closed());
        // Each destroy ran with cleanup's context: what it logged is in cleanup's log.
        assertThat(run.log()).contains("destroying " + fleet.old() + " in cleanup's run")
                .contains("destroying " + fleet.closed() + " in cleanup's run");
        assertThat(run.message()).startsWith("Cleanup destroyed 1 of 2 environments; could not destroy " + fleet.old()
                + " (terraform destroy failed: state lock held)");
        Map<String, JsonNode> candidates = byName(run.outputs().get("environments"));
        assertThat(candidates.get(fleet.old()).get("result").asText()).isEqualTo("failed");
        assertThat(candidates.get(fleet.old()).get("error").asText()).isEqualTo("terraform destroy failed: state lock held");
        assertThat(candidates.get(fleet.closed()).get("result").asText()).isEqualTo("destroyed");
        assertThat(run.summary()).contains("| " + fleet.closed() + " | 6d 23h | running | destroyed | pull request #")
                .contains("| " + fleet.old() + " | 7d 0h | running | failed | older than 7d (age 7d 0h) — terraform destroy failed")
                .contains("| " + fleet.open() + " | 6d 23h | running | kept | - |");
    }

    /**
     * GitHub out of quota must cost cleanup seconds, not the hour until the limit resets: a
     * primary rate limit (403, no requests remaining) and a secondary one (429, Retry-After)
     * each keep their environment with a warning, and the run goes on.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRateLimitedGitHubKeepsTheEnvironmentWithAWarningAndDoesNotWait() throws Exception {
        String prefix = "/ratelimit-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        int base = ThreadLocalRandom.current().nextInt(10_000, 90_000) * 10;
        int limited = base + 4;
        int throttled = base + 5;
        fixture.create("pr-" + limited, "v1", prefix);
        fixture.create("pr-" + throttled, "v1", prefix);
        long resetInAnHour = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        github.stubFor(get(urlEqualTo("/repos/" + REPOSITORY + "/pulls/" + limited)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(resetInAnHour))
                .withBody("{\"message\": \"API rate limit exceeded for installation ID 1.\"}")));
        github.stubFor(get(urlEqualTo("/repos/" + REPOSITORY + "/pulls/" + throttled)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "3600")
                .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}")));
        List<String> destroyed = Collections.synchronizedList(new ArrayList<>());

        long started = System.nanoTime();
        Run run = cleanup((context, environment) -> destroyed.add(environment.value()), Map.of(Input.MANIFEST_PREFIX, prefix,
                Input.OLDER_THAN, "7d", Input.DRY_RUN, "false", Input.GITHUB_TOKEN, TOKEN), Clock.systemUTC());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(destroyed).isEmpty();
        assertThat(run.log())
                .contains("::warning::Could not ask GitHub whether pull request #" + limited + " is closed")
                .contains("pr-" + limited + " is kept")
                .contains("::warning::Could not ask GitHub whether pull request #" + throttled + " is closed")
                .contains("pr-" + throttled + " is kept");
        assertThat(run.summary()).contains("| pr-" + limited + " | ").contains("| pr-" + throttled + " | ");
    }

    @Test
    void withoutATokenOnlyAgeCounts() throws Exception {
        Fleet fleet = fleet();
        List<String> destroyed = Collections.synchronizedList(new ArrayList<>());

        Run run = cleanup((context, environment) -> destroyed.add(environment.value()),
                Map.of(Input.MANIFEST_PREFIX, fleet.prefix(), Input.OLDER_THAN, "7d", Input.DRY_RUN, "false"), fleet.clock());

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(destroyed).containsExactly(fleet.old());
        assertThat(byName(run.outputs().get("environments")).keySet()).containsExactly(fleet.old());
    }

    @Test
    void badInputMakesNoAwsCall() {
        aws.clearCalls();
        Program.Result missing = new Program(work, aws.processEnvironment()).action(Map.of("operation", "cleanup"));
        Program.Result bad = new Program(work, aws.processEnvironment()).action(Map.of("operation", "cleanup", "older-than", "a week"));
        Program.Result badFlag = new Program(work, aws.processEnvironment()).action(Map.of("operation", "cleanup", "older-than", "7d", "dry-run", "maybe"));

        assertThat(List.of(missing, bad, badFlag)).allSatisfy(r -> assertThat(r.exitCode()).as(r.log()).isEqualTo(2));
        assertThat(missing.log()).contains("::error::Input 'older-than' is required for cleanup");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void throughTheProgramEachCandidateGoesThroughTheLifecycleDestroy() {
        Fleet fleet = fleet();

        Program.Result result = new Program(work, aws.processEnvironment()).clock(fleet.clock()).action(Map.of(
                "operation", "cleanup", "manifest-prefix", fleet.prefix(), "older-than", "7d", "dry-run", "false"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output("failure-reason")).isEqualTo("cleanup-incomplete");
        // No terraform root here, so the real destroy refuses before touching anything.
        assertThat(result.log()).contains("::error::Cleanup destroyed 0 of 1 environments; could not destroy " + fleet.old()
                + " (The terraform directory");
    }

    @Test
    void stopIdleAfterStopsRunningEnvironmentsNothingWasDeployedToForThatLong() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String prefix = "/idle-" + suffix;
        String idle = "idl-" + suffix;
        String stopped = "ids-" + suffix;
        for (String name : List.of(idle, stopped)) {
            fixture.create(name, "v1", prefix);
            for (String service : List.of("web", "worker", "beat", "frontend", "redis")) fixture.scale(name, service, 1);
        }
        Program program = new Program(work, aws.processEnvironment());
        Program.Result stop = program.action(Map.of("operation", "stop", "environment", stopped, "manifest-prefix", prefix));
        assertThat(stop.exitCode()).as(stop.log()).isZero();
        // Half a day later: both were deployed once, at creation; one is running, one already stopped.
        program.clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(13)));

        Program.Result dryRun = program.action(Map.of("operation", "cleanup", "manifest-prefix", prefix, "stop-idle-after", "12h"));
        assertThat(dryRun.exitCode()).as(dryRun.log()).isZero();
        assertThat(dryRun.log()).contains("Would stop " + idle + ": idle longer than 12h (no deploy for 13h").doesNotContain("Would stop " + stopped);
        assertThat(fixture.ecs().describeServices(r -> r.cluster(idle).services(idle + "-web")).services().get(0).desiredCount()).isEqualTo(1);

        Program.Result result = program.action(Map.of("operation", "cleanup", "manifest-prefix", prefix, "stop-idle-after", "12h",
                "dry-run", "false"));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(byName(result.outputs().get("environments"))).containsOnlyKeys(idle);
        assertThat(byName(result.outputs().get("environments")).get(idle).get("result").asText()).isEqualTo("stopped");
        assertThat(result.summary()).contains("## Cleanup: stop idle after 12h");
        for (String service : List.of("web", "worker", "beat", "frontend", "redis")) {
            assertThat(fixture.ecs().describeServices(r -> r.cluster(idle).services(idle + "-" + service)).services().get(0).desiredCount())
                    .as(service).isZero();
        }
        // Stopped, not destroyed: the manifest stays and start brings it back.
        assertThat(fixture.ssm().getParameter(r -> r.name(prefix + "/" + idle)).parameter().value()).contains(idle);
    }

    /**
     * A GitHub that fails is given up on once per run: cleanup's pull-request lookups and the
     * pull-request comment of every environment it stops share one client, so the repository is
     * asked for once, not once per environment (each try can take the call deadline).
     */
    @Test
    void aFailingGitHubIsAskedOnceForTheWholeRun() throws Exception {
        String prefix = "/down-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        int base = ThreadLocalRandom.current().nextInt(10_000, 90_000) * 10;
        List<String> idle = List.of("pr-" + (base + 6), "pr-" + (base + 7));
        for (String name : idle) {
            fixture.create(name, "v1", prefix);
            fixture.scale(name, "web", 1);
        }
        String down = "acme/down-" + base;
        github.stubFor(get(urlEqualTo("/repos/" + down)).willReturn(aResponse().withStatus(500).withBody("")));
        Program program = new Program(work, aws.processEnvironment()).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(13)))
                .env("GITHUB_API_URL", github.baseUrl()).env("GITHUB_REPOSITORY", down);

        Program.Result result = program.action(Map.of("operation", "cleanup", "manifest-prefix", prefix, "stop-idle-after", "12h",
                "dry-run", "false", "github-token", TOKEN));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(byName(result.outputs().get("environments")).keySet()).containsExactlyInAnyOrderElementsOf(idle);
        assertThat(github.findAll(getRequestedFor(urlEqualTo("/repos/" + down)))).hasSize(1);
    }

    record Run(int exitCode, String reason, String message, String log, Map<String, String> outputs, String summary) {
    }

    /** Runs Cleanup with a destroyer of the test's own, reporting as Main would. */
    private Run cleanup(EnvironmentAction destroyer, Map<Input, String> inputs, Clock clock) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobLog log = new JobLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        StepOutputs outputs = new StepOutputs(Optional.empty());
        JobSummary summary = new JobSummary(Optional.empty());
        Map<String, String> processEnvironment = gitHubEnvironment();
        EnumMap<Input, String> values = new EnumMap<>(Input.class);
        values.putAll(inputs);
        values.put(Input.OPERATION, "cleanup");
        try (AwsClients clients = new AwsClients(processEnvironment)) {
            ObjectMapper json = new ObjectMapper();
            CleanupOptions options = (CleanupOptions) VerbOptions.parse(Verb.CLEANUP, Inputs.of(values), processEnvironment, json);
            Context context = new Context(log, outputs, summary, clients, processEnvironment, work,
                    clock, json, dev.adhoc.action.runtime.Cancellation.none(), new GitHubConnection());
            int code = new Cleanup(options, destroyer).run(context);
            return new Run(code, null, null, bytes.toString(StandardCharsets.UTF_8), outputs.values(), summary.markdown());
        } catch (AdhocFailure failure) {
            return new Run(1, failure.reason(), failure.getMessage(), bytes.toString(StandardCharsets.UTF_8), outputs.values(),
                    summary.markdown());
        }
    }
}
