package dev.adhoc.action.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubConnection;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.Cancellation;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.runtime.JobSummary;
import dev.adhoc.action.runtime.StepOutputs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A verb's report says what that verb did, whichever operation ran it, and only a changing verb shows "deploying". */
class ReportingTest {
    private static final EnvironmentName PR_7 = EnvironmentName.of("pr-7");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

    private final JobSummary summary = new JobSummary(Optional.empty());
    private WireMockServer github;

    @AfterEach
    void stop() {
        if (github != null) github.stop();
    }

    private Context context(Verb operation, Map<String, String> processEnvironment) {
        JobLog log = new JobLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true);
        return new Context(operation, log, new StepOutputs(Optional.empty()), summary, null, processEnvironment, Path.of("."),
                CLOCK, new ObjectMapper(), Cancellation.none(), new GitHubConnection());
    }

    /** The GitHub options as the program parses them from these inputs. */
    private static GitHubOptions github(Map<String, String> processEnvironment, Map<Input, String> inputs) {
        return GitHubOptions.from(Inputs.of(inputs), GitHubEvent.read(processEnvironment, new ObjectMapper()));
    }

    @Test
    void aDestroyRunByCleanupReportsTheEnvironmentAsDestroyed() {
        Context cleanup = context(Verb.CLEANUP, Map.of());

        Reporting.start(cleanup, Verb.DESTROY, github(Map.of(), Map.of()), PR_7, Optional.empty()).destroyed();

        assertThat(summary.markdown()).startsWith("## 🗑️ destroy `pr-7`: Destroyed\n").doesNotContain("cleanup");
        assertThat(summary.text()).startsWith("🗑️ destroy pr-7: Destroyed\n").doesNotContain("cleanup");
    }

    @Test
    void onlyAVerbThatSaysItIsDeployingCreatesADeploymentWhenItStarts() {
        github = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        github.stubFor(get(urlEqualTo("/repos/acme/shop")).willReturn(okJson("""
                {"id": 1296269, "name": "shop", "full_name": "acme/shop", "private": false,
                 "owner": {"login": "acme", "id": 1, "type": "Organization"},
                 "url": "%1$s/repos/acme/shop", "html_url": "https://github.com/acme/shop"}""".formatted(github.baseUrl()))));
        Map<String, String> processEnvironment = Map.of("GITHUB_API_URL", github.baseUrl(), "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_SHA", "6dcb09b5b57875f334f61aebed695e2e4193db5e");
        Context context = context(Verb.CLEANUP, processEnvironment);
        GitHubOptions options = github(processEnvironment, Map.of(Input.GITHUB_TOKEN, "ghs_reportingTestToken123"));

        Reporting stopping = Reporting.start(context, Verb.STOP, options, PR_7, Optional.empty());
        assertThat(github.getAllServeEvents()).isEmpty();

        stopping.deploying();
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/deployments")));
    }
}
