package dev.adhoc.action.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where and as whom to publish: the standard GITHUB_* variables, the event, and the GitHub
 * options (github-token, pull-request, github-deployment), whose problems are notes, never failures.
 */
public record GitHubSettings(
        String apiUrl,
        Optional<String> token,
        Optional<String> repository,
        OptionalInt pullRequest,
        Optional<String> ref,
        Optional<String> runUrl,
        boolean deployments,
        boolean fromFork,
        List<String> notes) {

    public static final String DEFAULT_API_URL = "https://api.github.com";

    public GitHubSettings {
        notes = List.copyOf(notes);
    }

    public static GitHubSettings from(Map<String, String> environment, GitHubOptions options, ObjectMapper json) {
        GitHubEvent event = GitHubEvent.read(environment, json);
        String apiUrl = value(environment, "GITHUB_API_URL").orElse(DEFAULT_API_URL).replaceAll("/+$", "");
        Optional<String> repository = repository(environment);
        return new GitHubSettings(apiUrl,
                options.token(),
                repository,
                options.pullRequest(),
                event.pullRequestHeadSha().or(() -> value(environment, "GITHUB_SHA")).or(() -> value(environment, "GITHUB_REF")),
                runUrl(environment),
                options.deployments(),
                event.fromFork(),
                options.notes());
    }

    /** The link to this workflow run, when running in GitHub Actions. */
    public static Optional<String> runUrl(Map<String, String> environment) {
        Optional<String> repository = repository(environment);
        Optional<String> server = value(environment, "GITHUB_SERVER_URL");
        Optional<String> runId = value(environment, "GITHUB_RUN_ID");
        if (server.isEmpty() || repository.isEmpty() || runId.isEmpty()) return Optional.empty();
        return Optional.of(server.get().replaceAll("/+$", "") + "/" + repository.get() + "/actions/runs/" + runId.get());
    }

    private static Optional<String> repository(Map<String, String> environment) {
        return value(environment, "GITHUB_REPOSITORY").filter(r -> r.matches("[^/\\s]+/[^/\\s]+"));
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
