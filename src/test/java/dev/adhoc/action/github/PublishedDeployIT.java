package dev.adhoc.action.github;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.adhoc.action.github.GitHubApiStub.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.adhoc.action.testing.LocalEnvironmentTest;
import dev.adhoc.action.testing.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real deploy, published on a pull request served by WireMock: what people see on GitHub. */
class PublishedDeployIT extends LocalEnvironmentTest {
    private static final String TOKEN = "ghs_7Yq2pRn0sXbC4dE6fG8hJ1kL3mN5oP9qR2s";
    private WireMockServer server;
    private GitHubApiStub github;
    private int number;
    private String environment;

    @BeforeEach
    void startGitHub() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        github = new GitHubApiStub(server);
        number = ThreadLocalRandom.current().nextInt(1000, 99999);
        environment = "pr-" + number;
        fixture.create(environment, "v1");
    }

    @AfterEach
    void stopGitHub() {
        server.stop();
    }

    private Program.Result deploy() throws Exception {
        Path event = Files.writeString(work.resolve("event.json"), "{\"action\":\"synchronize\",\"number\":" + number
                + ",\"pull_request\":{\"number\":" + number + ",\"head\":{\"sha\":\"" + "c".repeat(40)
                + "\",\"repo\":{\"full_name\":\"acme/shop\"}},\"base\":{\"repo\":{\"full_name\":\"acme/shop\"}}}}");
        return program()
                .env("GITHUB_API_URL", github.base())
                .env("GITHUB_SERVER_URL", "https://github.com")
                .env("GITHUB_REPOSITORY", "acme/shop")
                .env("GITHUB_RUN_ID", "77")
                .env("GITHUB_SHA", "c".repeat(40))
                .env("GITHUB_EVENT_NAME", "pull_request")
                .env("GITHUB_EVENT_PATH", event.toString())
                // No environment input: on pull_request events it is pr-<number>.
                .action(Map.of("operation", "deploy", "backend-image-tag", "v2", "github-token", TOKEN));
    }

    private static void assertTokenOnlyMasked(Program.Result result) {
        assertThat(result.log().lines().filter(l -> l.contains(TOKEN))).containsExactly("::add-mask::" + TOKEN);
    }

    private List<LoggedRequest> posted(String pathRegex) {
        return server.findAll(postRequestedFor(urlPathMatching(pathRegex)));
    }

    @Test
    void theDeployShowsOnThePullRequestAndAsADeployment() throws Exception {
        github.repository();
        github.issue(number);
        github.comments(number, new com.fasterxml.jackson.databind.node.ObjectNode[0], new com.fasterxml.jackson.databind.node.ObjectNode[0]);
        github.acceptsNewComments(number, 555);
        github.acceptsCommentEdits(number, 555);
        github.acceptsDeployments(42, environment, "c".repeat(40));

        Program.Result result = deploy();

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertTokenOnlyMasked(result);
        assertThat(result.log()).doesNotContain("::warning::");
        List<LoggedRequest> comments = posted(REPO + "/issues/" + number + "/comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).getBodyAsString()).contains("adhoc-action:environment=" + environment);
        server.verify(postRequestedFor(urlPathEqualTo(REPO + "/deployments"))
                .withRequestBody(matchingJsonPath("$.environment", WireMock.equalTo(environment)))
                .withRequestBody(matchingJsonPath("$.transient_environment", WireMock.equalTo("true"))));
        RequestPatternBuilder success = postRequestedFor(urlPathEqualTo(REPO + "/deployments/42/statuses"))
                .withRequestBody(matchingJsonPath("$.state", WireMock.equalTo("success")))
                .withRequestBody(matchingJsonPath("$.environment_url", WireMock.equalTo("https://" + environment + ".dev.example.com")));
        server.verify(success);
        String edited = server.findAll(WireMock.patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/555"))).get(0).getBodyAsString();
        assertThat(edited).contains("https://" + environment + ".dev.example.com").contains("backend:v2");
    }

    @Test
    void aGitHubThatRefusesEverythingOnlyWarns() throws Exception {
        server.stubFor(any(anyUrl()).willReturn(GitHubApiStub.json(403,
                "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\"}")));

        Program.Result result = deploy();

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(result.output("failure-reason")).isNull();
        assertThat(result.log().lines().filter(l -> l.startsWith("::warning::"))).singleElement().asString()
                .contains("pull-requests: write");
        assertTokenOnlyMasked(result);
    }
}
