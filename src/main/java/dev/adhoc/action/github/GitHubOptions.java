package dev.adhoc.action.github;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The GitHub inputs of the verbs that publish: github-token, pull-request (else the
 * pull_request event's number) and github-deployment. A bad value becomes a note, never a
 * failure: publishing is a courtesy, the operation is what matters. The notes are logged as
 * warnings when publishing starts.
 */
public record GitHubOptions(Optional<String> token, OptionalInt pullRequest, boolean deployments, List<String> notes) {

    public GitHubOptions {
        notes = List.copyOf(notes);
    }

    public static GitHubOptions from(Inputs inputs, GitHubEvent event) {
        List<String> notes = new ArrayList<>();
        return new GitHubOptions(inputs.given(Input.GITHUB_TOKEN), pullRequest(inputs, event, notes), deployments(inputs, notes), notes);
    }

    /** The same options for another pull request (none: no comment is created). */
    public GitHubOptions forPullRequest(OptionalInt number) {
        return new GitHubOptions(token, number, deployments, notes);
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

    @Override
    public String toString() {
        return "GitHubOptions[token=" + (token.isPresent() ? "***" : "none") + ", pullRequest=" + pullRequest + ", deployments="
                + deployments + ", notes=" + notes + "]";
    }
}
