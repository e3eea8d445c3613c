package dev.adhoc.action.operations;

import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.database.DatabaseOptions;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.terraform.TerraformOptions;
import java.time.Duration;
import java.util.function.Supplier;

/** The inputs of {@code destroy}; {@code cleanup} makes one per environment it destroys. */
public record DestroyOptions(
        EnvironmentName environment,
        TerraformOptions terraform,
        String manifestPrefix,
        Duration waitTimeout,
        DatabaseOptions database,
        GitHubOptions github) implements VerbOptions, Lifecycle.Options {

    static DestroyOptions from(Inputs inputs, Supplier<GitHubEvent> event) {
        EnvironmentName environment = CommonOptions.environment(inputs, event, Verb.DESTROY);
        Duration waitTimeout = CommonOptions.waitTimeout(inputs);
        return new DestroyOptions(environment, TerraformOptions.from(inputs), CommonOptions.manifestPrefix(inputs), waitTimeout,
                DatabaseOptions.from(inputs), GitHubOptions.from(inputs, event.get()));
    }

    @Override
    public Operation operation() {
        return new Destroy(this);
    }
}
