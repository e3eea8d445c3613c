package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** How the inputs several verbs share are read, for the options records. */
final class CommonOptions {
    private CommonOptions() {
    }

    /**
     * The environment a verb is about: the input, else {@code pr-<number>} on pull_request events.
     * Validated here, before any AWS, GitHub, shell or SQL call sees it.
     */
    static EnvironmentName environment(Inputs inputs, Supplier<GitHubEvent> event, Verb verb) {
        Optional<String> given = inputs.given(Input.ENVIRONMENT);
        if (given.isPresent()) return EnvironmentName.of(given.get());
        OptionalInt pullRequest = event.get().pullRequestNumber();
        if (pullRequest.isPresent()) return EnvironmentName.ofPullRequest(pullRequest.getAsInt());
        throw AdhocFailure.invalidInput("Input 'environment' is required for " + verb.id()
                + " (it defaults to pr-<number> only on pull_request events).");
    }

    static Optional<ImageTag> imageTag(Inputs inputs, Input input) {
        return inputs.given(input).map(ImageTag::of);
    }

    static Duration waitTimeout(Inputs inputs) {
        return inputs.duration(Input.WAIT_TIMEOUT);
    }

    static String manifestPrefix(Inputs inputs) {
        return inputs.value(Input.MANIFEST_PREFIX);
    }
}
