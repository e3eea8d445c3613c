package dev.adhoc.action.operations;

import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.model.EnvironmentName;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The inputs of {@code stop} and {@code start}, which read the same ones.
 *
 * @param stop whether these are stop's options, else start's
 */
public record StopStartOptions(boolean stop, EnvironmentName environment, String manifestPrefix, Duration waitTimeout, GitHubOptions github)
        implements VerbOptions {

    static StopStartOptions from(Verb verb, Inputs inputs, Supplier<GitHubEvent> event) {
        EnvironmentName environment = CommonOptions.environment(inputs, event, verb);
        return new StopStartOptions(verb == Verb.STOP, environment, CommonOptions.manifestPrefix(inputs), CommonOptions.waitTimeout(inputs),
                GitHubOptions.from(inputs, event.get()));
    }

    @Override
    public Operation operation() {
        return new StopStart(this);
    }
}
