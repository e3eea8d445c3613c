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

    public static GitHubSettings from(Map<String, String> processEnvironment, GitHubOptions options, ObjectMapper json) {
        GitHubEvent event = GitHubEvent.read(processEnvironment, json);
        String apiUrl = value(processEnvironment, "GITHUB_API_URL").orElse(DEFAULT_API_URL).replaceAll("/+$", "");
        Optional<String> repository = repository(processEnvironment);
        return new GitHubSettings(apiUrl,
                options.token(),
                repository,
                options.pullRequest(),
                event.pullRequestHeadSha().or(() -> value(processEnvironment, "GITHUB_SHA")).or(() -> value(processEnvironment, "GITHUB_REF")),
                runUrl(processEnvironment),
                options.deployments(),
                event.fromFork(),
                options.notes());
    }

    /** The link to this workflow run, when running in GitHub Actions. */
    public static Optional<String> runUrl(Map<String, String> processEnvironment) {
        Optional<String> repository = repository(processEnvironment);
        Optional<String> server = value(processEnvironment, "GITHUB_SERVER_URL");
        Optional<String> runId = value(processEnvironment, "GITHUB_RUN_ID");
        if (server.isEmpty() || repository.isEmpty() || runId.isEmpty()) return Optional.empty();
        return Optional.of(server.get().replaceAll("/+$", "") + "/" + repository.get() + "/actions/runs/" + runId.get());
    }

    private static Optional<String> repository(Map<String, String> processEnvironment) {
        return value(processEnvironment, "GITHUB_REPOSITORY").filter(r -> r.matches("[^/\\s]+/[^/\\s]+"));
    }

    private static Optional<String> value(Map<String, String> processEnvironment, String name) {
        return Optional.ofNullable(processEnvironment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
