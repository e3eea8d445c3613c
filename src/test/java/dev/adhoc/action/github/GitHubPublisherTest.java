package dev.adhoc.action.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.adhoc.action.github.GitHubApiStub.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.report.CommentMarkdown;
import dev.adhoc.action.report.EnvironmentReport;
import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.State;
import dev.adhoc.action.runtime.JobLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubPublisherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private static final String RUN_URL = "https://github.com/acme/shop/actions/runs/1658821493";
    private static final String URL = "https://pr-7.dev.example.com";
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Duration QUICK = Duration.ofSeconds(10);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final JobLog log = new JobLog(new PrintStream(printed, true, StandardCharsets.UTF_8), true);
    private WireMockServer server;
    private GitHubApiStub github;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        github = new GitHubApiStub(server);
        github.repository();
        github.issue(7);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void firstRunCreatesTheCommentAndADeploymentThenCompletesBoth() throws Exception {
        github.comments(7, new ObjectNode[0], new ObjectNode[0]);
        github.acceptsNewComments(7, 101);
        github.acceptsCommentEdits(7, 101);
        github.acceptsDeployments(42, "pr-7", HEAD_SHA);

        GitHubPublisher publisher = publisher(pullRequestEvent(), Map.of());
        publisher.begin(deploying());
        publisher.complete(ready());

        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments"))
                .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.matching(
                        "(?s)<!-- adhoc-action:environment=pr-7 -->.*Deploying.*"))));
        server.verify(1, patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/101"))
                .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.containing(URL))));
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments"))
                .withRequestBody(matchingJsonPath("$.ref", equalTo(HEAD_SHA)))
                .withRequestBody(matchingJsonPath("$.environment", equalTo("pr-7")))
                .withRequestBody(matchingJsonPath("$.transient_environment", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.production_environment", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.auto_merge", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.required_contexts", equalToJson("[]"))));
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/42/statuses"))
                .withRequestBody(matchingJsonPath("$.state", equalTo("in_progress")))
                .withRequestBody(matchingJsonPath("$.log_url", equalTo(RUN_URL))));
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/42/statuses"))
                .withRequestBody(matchingJsonPath("$.state", equalTo("success")))
                .withRequestBody(matchingJsonPath("$.environment_url", equalTo(URL)))
                .withRequestBody(matchingJsonPath("$.log_url", equalTo(RUN_URL))));
        assertThat(output()).doesNotContain("::warning::");
        assertNoTokenOutsideMask();
    }

    @Test
    void aLaterRunFindsItsCommentOnTheSecondPageAndEditsIt() throws Exception {
        ObjectNode someoneElse = github.comment(201, 7, "Looks good to me <!-- adhoc-action:environment=pr-7 -->");
        ObjectNode otherEnvironment = github.comment(202, 7, CommentMarkdown.marker("pr-7-api") + "\n### ready");
        ObjectNode ours = github.comment(203, 7, CommentMarkdown.marker("pr-7") + "\n### ✅ `pr-7`: Ready");
        github.comments(7, new ObjectNode[] {someoneElse, otherEnvironment}, new ObjectNode[] {ours});
        github.acceptsNewComments(7, 999);
        github.acceptsCommentEdits(7, 203);
        github.acceptsDeployments(43, "pr-7", HEAD_SHA);

        publisher(pullRequestEvent(), Map.of()).complete(ready());

        server.verify(getRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")).withQueryParam("page", equalTo("2")));
        server.verify(1, patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/203")));
        server.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")));
        server.verify(0, patchRequestedFor(urlPathMatching(REPO + "/issues/comments/20[12]")));
    }

    @Test
    void aFailedRunShowsWhyInTheCommentAndMarksTheDeploymentFailed() throws Exception {
        github.comments(7, new ObjectNode[0], new ObjectNode[0]);
        github.acceptsNewComments(7, 101);
        github.acceptsDeployments(44, "pr-7", HEAD_SHA);

        publisher(pullRequestEvent(), Map.of()).complete(deploying().failed(new Failure("migrations",
                "Task pr-7-migrate exited with code 1", List.of("(service pr-7-web) was unable to place a task"),
                List.of("Essential container in task exited"), List.of("django.db.utils.OperationalError: no such table")), T0.plusSeconds(95)));

        String body = onlyBody(postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")));
        assertThat(body).startsWith(CommentMarkdown.marker("pr-7")).contains("Failed", "migrations", "exited with code 1",
                "<details>", "OperationalError", "Essential container in task exited", "unable to place a task");
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/44/statuses"))
                .withRequestBody(matchingJsonPath("$.state", equalTo("failure")))
                .withRequestBody(matchingJsonPath("$.log_url", equalTo(RUN_URL))));
    }

    @Test
    void destroyTurnsTheCommentIntoDestroyedAndEveryDeploymentInactive() throws Exception {
        github.comments(7, new ObjectNode[] {github.comment(101, 7, CommentMarkdown.marker("pr-7") + "\nready")}, new ObjectNode[0]);
        github.acceptsCommentEdits(7, 101);
        github.deploymentsOf("pr-7", 42, 43);
        github.acceptsStatuses();

        publisher(pullRequestEvent(), Map.of()).destroyed(ready().finished(State.DESTROYED, T0.plusSeconds(300)));

        String body = onlyBody(patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/101")));
        assertThat(body).startsWith(CommentMarkdown.marker("pr-7")).containsIgnoringCase("destroyed");
        for (long id : new long[] {42, 43}) {
            server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/" + id + "/statuses"))
                    .withRequestBody(matchingJsonPath("$.state", equalTo("inactive"))));
        }
        server.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/deployments")));
        assertThat(output()).doesNotContain("::warning::");
    }

    @Test
    void aStoppedEnvironmentsDeploymentsBecomeInactiveWithoutANewOne() throws Exception {
        github.comments(7, new ObjectNode[] {github.comment(101, 7, CommentMarkdown.marker("pr-7") + "\nready")}, new ObjectNode[0]);
        github.acceptsCommentEdits(7, 101);
        github.deploymentsOf("pr-7", 42);
        github.acceptsStatuses();

        publisher(pullRequestEvent(), Map.of()).complete(ready().finished(State.STOPPED, T0.plusSeconds(30)));

        assertThat(onlyBody(patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/101")))).contains("Stopped");
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/42/statuses"))
                .withRequestBody(matchingJsonPath("$.state", equalTo("inactive"))));
        server.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/deployments")));
    }

    @Test
    void withoutAPullRequestADestroyStillFindsAPullRequestEnvironmentsCommentButNeverCreatesOne() throws Exception {
        github.comments(7, new ObjectNode[] {github.comment(101, 7, CommentMarkdown.marker("pr-7") + "\nready")}, new ObjectNode[0]);
        github.acceptsCommentEdits(7, 101);
        github.deploymentsOf("pr-7", 42);
        github.deploymentsOf("demo", 50);
        github.acceptsStatuses();

        GitHubPublisher publisher = publisher(null, Map.of());
        publisher.destroyed(report("pr-7").finished(State.DESTROYED, T0));
        publisher.destroyed(report("demo").finished(State.DESTROYED, T0));

        server.verify(1, patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/101")));
        server.verify(0, postRequestedFor(urlPathMatching(".*/comments")));
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/50/statuses")));
    }

    @Test
    void workflowDispatchUsesThePullRequestInputAndTheRunsCommit() throws Exception {
        github.comments(7, new ObjectNode[0], new ObjectNode[0]);
        github.acceptsNewComments(7, 101);
        github.acceptsDeployments(42, "pr-7", "f".repeat(40));

        publisher(null, Map.of(Input.PULL_REQUEST, "7")).begin(deploying());

        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")));
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments")).withRequestBody(matchingJsonPath("$.ref", equalTo("f".repeat(40)))));
    }

    @Test
    void withoutAPullRequestOnlyTheDeploymentIsPublished() throws Exception {
        github.acceptsDeployments(42, "demo", "f".repeat(40));

        publisher(null, Map.of()).complete(report("demo").toBuilder().url("https://demo.dev.example.com").build().finished(State.READY, T0.plusSeconds(60)));

        server.verify(0, anyRequestedFor(urlPathMatching(".*/issues/.*")));
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/deployments/42/statuses"))
                .withRequestBody(matchingJsonPath("$.environment_url", equalTo("https://demo.dev.example.com"))));
        assertThat(output()).contains("no pull request").doesNotContain("::warning::");
    }

    @Test
    void githubDeploymentFalseSwitchesDeploymentsOff() throws Exception {
        github.comments(7, new ObjectNode[0], new ObjectNode[0]);
        github.acceptsNewComments(7, 101);

        publisher(pullRequestEvent(), Map.of(Input.GITHUB_DEPLOYMENT, "false")).begin(deploying());

        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")));
        server.verify(0, anyRequestedFor(urlPathMatching(".*/deployments.*")));
    }

    @Test
    void withoutATokenNothingIsCalled() throws Exception {
        Map<String, String> processEnvironment = processEnvironment(pullRequestEvent());
        GitHubPublisher publisher = publisher(GitHubSettings.from(processEnvironment,
                options(processEnvironment, Inputs.of(Map.of())), JSON), QUICK);
        publisher.begin(deploying());
        publisher.complete(ready());
        server.verify(0, anyRequestedFor(anyUrl()));
        assertThat(output()).contains("no github-token").doesNotContain("::warning::");
    }

    @Test
    void aReadOnlyTokenCostsOneWarningNamingThePermissionAndTheDeploymentStillHappens() throws Exception {
        github.comments(7, new ObjectNode[0], new ObjectNode[0]);
        server.stubFor(post(urlPathEqualTo(REPO + "/issues/7/comments")).willReturn(GitHubApiStub.json(403,
                "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest/issues/comments#create-an-issue-comment\",\"status\":\"403\"}")));
        github.acceptsDeployments(42, "pr-7", HEAD_SHA);

        GitHubPublisher publisher = publisher(pullRequestEvent(), Map.of());
        assertTimeoutPreemptively(QUICK, () -> {
            publisher.begin(deploying());
            publisher.complete(ready());
        });

        assertThat(warnings()).hasSize(1).first().asString()
                .contains("pull-request comment", "HTTP 403", "Resource not accessible by integration", "pull-requests: write");
        server.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")));
        server.verify(2, postRequestedFor(urlPathEqualTo(REPO + "/deployments/42/statuses")));
    }

    @Test
    void aRateLimitIsReportedNotWaitedFor() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "1000")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3000).getEpochSecond()))
                .withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\",\"documentation_url\":\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}")));

        GitHubPublisher publisher = publisher(pullRequestEvent(), Map.of());
        assertTimeoutPreemptively(QUICK, () -> {
            publisher.begin(deploying());
            publisher.complete(ready());
        });

        assertThat(warnings()).hasSize(1).first().asString().contains("rate limit is used up", "resets at", "not waited for");
    }

    @Test
    void aSecondaryRateLimitOrAMissingPermissionEverywhereIsStillOneWarning() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(GitHubApiStub.json(403,
                "{\"message\":\"Resource not accessible by integration\",\"status\":\"403\"}")));

        GitHubPublisher publisher = publisher(pullRequestEvent(), Map.of());
        assertTimeoutPreemptively(QUICK, () -> {
            publisher.begin(deploying());
            publisher.complete(ready());
            publisher.destroyed(ready());
        });

        assertThat(warnings()).hasSize(1).first().asString()
                .startsWith("::warning::GitHub: could not update the pull-request comment or record the GitHub deployment: ")
                .contains("pull-requests: write", "deployments: write");
    }

    @Test
    void twoPartsFailingForDifferentReasonsAreTwoSentencesInOneWarning() {
        github.comments(7, new ObjectNode[0], new ObjectNode[0]);
        server.stubFor(post(urlPathEqualTo(REPO + "/issues/7/comments")).willReturn(GitHubApiStub.json(403,
                "{\"message\":\"Resource not accessible by integration\",\"status\":\"403\"}")));
        server.stubFor(post(urlPathEqualTo(REPO + "/deployments")).willReturn(aResponse().withStatus(500).withBody("")));

        GitHubPublisher publisher = publisher(pullRequestEvent(), Map.of());
        assertTimeoutPreemptively(QUICK, () -> publisher.begin(deploying()));

        assertThat(warnings()).hasSize(1).first().asString()
                .startsWith("::warning::GitHub: could not update the pull-request comment: ")
                .contains(". Could not record the GitHub deployment: ")
                .endsWith(". The operation's result is unaffected.");
    }

    @Test
    void aServerErrorIsOneWarning() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(500).withBody("")));

        GitHubPublisher publisher = publisher(pullRequestEvent(), Map.of());
        assertTimeoutPreemptively(QUICK, () -> {
            publisher.begin(deploying());
            publisher.complete(ready());
        });

        assertThat(warnings()).hasSize(1).first().asString().contains("GitHub had an error (HTTP 500");
    }

    @Test
    void thePublishersOfOneRunShareItsConnectionSoAFailingGitHubIsAskedOnce() {
        server.stubFor(any(urlPathEqualTo(REPO)).atPriority(1).willReturn(aResponse().withStatus(500).withBody("")));
        Map<String, String> processEnvironment = processEnvironment(pullRequestEvent());
        GitHubConnection run = new GitHubConnection(QUICK);

        assertTimeoutPreemptively(QUICK, () -> {
            for (String environment : List.of("pr-7", "pr-8")) {
                GitHubPublisher.fromProcessEnvironment(processEnvironment, options(processEnvironment, inputs(Map.of())), log, JSON, run)
                        .complete(report(environment).finished(State.STOPPED, T0));
            }
        });

        server.verify(1, getRequestedFor(urlPathEqualTo(REPO)));
        assertThat(warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("GitHub had an error (HTTP 500"));
    }

    @Test
    void aHangingGitHubIsCutOffByTheDeadline() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(GitHubApiStub.json(200, "{}").withFixedDelay(20_000)));
        Map<String, String> processEnvironment = processEnvironment(pullRequestEvent());
        GitHubPublisher publisher = publisher(GitHubSettings.from(processEnvironment,
                options(processEnvironment, inputs(Map.of())), JSON), Duration.ofMillis(500));

        assertTimeoutPreemptively(QUICK, () -> publisher.begin(deploying()));

        assertThat(warnings()).hasSize(1).first().asString().contains("did not answer");
    }

    @Test
    void anUnreachableGitHubIsOneWarning() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> processEnvironment = new HashMap<>(processEnvironment(pullRequestEvent()));
        processEnvironment.put("GITHUB_API_URL", "http://127.0.0.1:" + closedPort);
        GitHubPublisher publisher = publisher(GitHubSettings.from(processEnvironment,
                options(processEnvironment, inputs(Map.of())), JSON), QUICK);

        assertTimeoutPreemptively(QUICK, () -> publisher.begin(deploying()));

        assertThat(warnings()).hasSize(1).first().asString().contains("could not be reached");
    }

    @Test
    void theTokenIsMaskedFirstAndNeverPrintedEvenWhenGitHubEchoesIt() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(GitHubApiStub.json(401,
                "{\"message\":\"Bad credentials: " + TOKEN + "\",\"documentation_url\":\"https://docs.github.com/rest\"}")));

        Map<String, String> processEnvironment = processEnvironment(pullRequestEvent());
        GitHubPublisher.fromProcessEnvironment(processEnvironment, options(processEnvironment, inputs(Map.of())), log, JSON,
                new GitHubConnection(QUICK)).begin(deploying());

        assertThat(output()).startsWith("::add-mask::" + TOKEN + "\n");
        assertThat(warnings()).hasSize(1).first().asString().contains("HTTP 401", "github-token");
        assertNoTokenOutsideMask();
    }

    @Test
    void aForkPullRequestsWarningPointsAtTheSafePattern() throws Exception {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(GitHubApiStub.json(403,
                "{\"message\":\"Resource not accessible by integration\"}")));
        String event = "{\"action\":\"opened\",\"number\":7,\"pull_request\":{\"number\":7,\"head\":{\"sha\":\"" + HEAD_SHA
                + "\",\"repo\":{\"full_name\":\"someone/shop\"}},\"base\":{\"repo\":{\"full_name\":\"acme/shop\"}}}}";

        publisher(event, Map.of()).begin(deploying());

        assertThat(warnings()).hasSize(1).first().asString().contains("forks");
    }

    /** A publisher with a repository of its own, as one run has. */
    private GitHubPublisher publisher(GitHubSettings settings, Duration callDeadline) {
        return new GitHubPublisher(settings, log, new GitHubRepository(settings, callDeadline));
    }

    private GitHubPublisher publisher(String event, Map<Input, String> inputs) {
        Map<String, String> processEnvironment = processEnvironment(event);
        return publisher(GitHubSettings.from(processEnvironment, options(processEnvironment, inputs(inputs)), JSON), QUICK);
    }

    /** The GitHub options as the program parses them, the event read from {@code processEnvironment}. */
    private static GitHubOptions options(Map<String, String> processEnvironment, Inputs inputs) {
        return GitHubOptions.from(inputs, GitHubEvent.read(processEnvironment, JSON));
    }

    private static Inputs inputs(Map<Input, String> more) {
        Map<Input, String> values = new EnumMap<>(Input.class);
        values.put(Input.GITHUB_TOKEN, TOKEN);
        values.putAll(more);
        return Inputs.of(values);
    }

    private Map<String, String> processEnvironment(String event) {
        Map<String, String> processEnvironment = new HashMap<>();
        processEnvironment.put("GITHUB_API_URL", github.base());
        processEnvironment.put("GITHUB_SERVER_URL", "https://github.com");
        processEnvironment.put("GITHUB_REPOSITORY", "acme/shop");
        processEnvironment.put("GITHUB_RUN_ID", "1658821493");
        processEnvironment.put("GITHUB_SHA", "f".repeat(40));
        processEnvironment.put("GITHUB_REF", "refs/heads/main");
        processEnvironment.put("GITHUB_EVENT_NAME", event == null ? "workflow_dispatch" : "pull_request");
        if (event != null) {
            try {
                Path file = Files.writeString(dir.resolve("event.json"), event);
                processEnvironment.put("GITHUB_EVENT_PATH", file.toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return processEnvironment;
    }

    private static String pullRequestEvent() {
        return "{\"action\":\"synchronize\",\"number\":7,\"pull_request\":{\"number\":7,\"head\":{\"sha\":\"" + HEAD_SHA
                + "\",\"ref\":\"checkout\",\"repo\":{\"full_name\":\"acme/shop\"}},\"base\":{\"ref\":\"main\",\"repo\":{\"full_name\":\"acme/shop\"}}}}";
    }

    private static EnvironmentReport report(String processEnvironment) {
        return EnvironmentReport.start(processEnvironment, "deploy", T0);
    }

    private static EnvironmentReport deploying() {
        return report("pr-7").toBuilder().images(Map.of("backend", "123456789012.dkr.ecr.us-east-1.amazonaws.com/backend:v2")).build();
    }

    private static EnvironmentReport ready() {
        return deploying().toBuilder().url(URL).build().finished(State.READY, T0.plusSeconds(190));
    }

    private String onlyBody(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) throws Exception {
        List<LoggedRequest> requests = server.findAll(pattern);
        assertThat(requests).hasSize(1);
        return new ObjectMapper().readTree(requests.get(0).getBodyAsString()).path("body").asText();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private List<String> warnings() {
        return output().lines().filter(l -> l.startsWith("::warning::")).toList();
    }

    private void assertNoTokenOutsideMask() {
        assertThat(output().lines().filter(l -> !l.startsWith("::add-mask::"))).noneMatch(l -> l.contains(TOKEN));
    }
}
