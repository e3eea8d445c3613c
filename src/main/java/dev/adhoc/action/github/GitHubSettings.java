package dev.adhoc.action.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where and as whom to publish: the standard GITHUB_* variables, the event, and the inputs
 * github-token, pull-request and github-deployment. Problems with these become notes, never
 * failures: publishing is a courtesy, the operation is what matters.
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

    public static GitHubSettings from(Map<String, String> environment, Inputs inputs, ObjectMapper json) {
        GitHubEvent event = GitHubEvent.read(environment, json);
        List<String> notes = new ArrayList<>();
        String apiUrl = value(environment, "GITHUB_API_URL").orElse(DEFAULT_API_URL).replaceAll("/+$", "");
        Optional<String> repository = repository(environment);
        return new GitHubSettings(apiUrl,
                inputs.given(Input.GITHUB_TOKEN),
                repository,
                pullRequest(inputs, event, notes),
                event.pullRequestHeadSha().or(() -> value(environment, "GITHUB_SHA")).or(() -> value(environment, "GITHUB_REF")),
                runUrl(environment),
                deployments(inputs, notes),
                event.fromFork(),
                notes);
    }

    /** The pull-request input wins (workflow_dispatch), else the pull_request event's number. */
    private static OptionalInt pullRequest(Inputs inputs, GitHubEvent event, List<String> notes) {
        Optional<String> given = inputs.given(Input.PULL_REQUEST);
        if (given.isEmpty()) return event.pullRequestNumber();
        String text = given.get().strip().replaceFirst("^#", "");
        if (text.matches("[1-9][0-9]{0,9}")) {
            long number = Long.parseLong(text);
            if (number <= Integer.MAX_VALUE) return OptionalInt.of((int) number);
        }
        notes.add("Input 'pull-request' is '" + given.get() + "', not a pull request number; no comment is written.");
        return OptionalInt.empty();
    }

    private static boolean deployments(Inputs inputs, List<String> notes) {
        try {
            return inputs.flag(Input.GITHUB_DEPLOYMENT);
        } catch (AdhocFailure e) {
            notes.add(e.getMessage() + " GitHub deployments stay on.");
            return true;
        }
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
