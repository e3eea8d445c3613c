package dev.adhoc.action.operations;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.database.DatabaseOptions;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import dev.adhoc.action.terraform.TerraformOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The inputs of {@code create}.
 *
 * @param healthCheckTimeout how long to wait for the URL to answer; empty when health-check-timeout is off
 */
public record CreateOptions(
        EnvironmentName environment,
        Optional<ImageTag> backendImageTag,
        Optional<ImageTag> frontendImageTag,
        TerraformOptions terraform,
        String manifestPrefix,
        Duration waitTimeout,
        Optional<Duration> healthCheckTimeout,
        DatabaseOptions database,
        GitHubOptions github) implements VerbOptions, Lifecycle.Options {

    static CreateOptions from(Inputs inputs, Supplier<GitHubEvent> event) {
        // In the order a mistake is reported: name, tags, timeouts, database inputs.
        EnvironmentName environment = CommonOptions.environment(inputs, event, Verb.CREATE);
        Optional<ImageTag> backend = CommonOptions.imageTag(inputs, Input.BACKEND_IMAGE_TAG);
        Optional<ImageTag> frontend = CommonOptions.imageTag(inputs, Input.FRONTEND_IMAGE_TAG);
        Duration waitTimeout = CommonOptions.waitTimeout(inputs);
        Optional<Duration> healthCheck = healthCheckTimeout(inputs);
        return new CreateOptions(environment, backend, frontend, TerraformOptions.from(inputs), CommonOptions.manifestPrefix(inputs),
                waitTimeout, healthCheck, DatabaseOptions.from(inputs), GitHubOptions.from(inputs, event.get()));
    }

    private static Optional<Duration> healthCheckTimeout(Inputs inputs) {
        String value = inputs.value(Input.HEALTH_CHECK_TIMEOUT);
        if (value.equals("0") || value.equalsIgnoreCase("off")) return Optional.empty();
        return Optional.of(inputs.duration(Input.HEALTH_CHECK_TIMEOUT));
    }

    @Override
    public Operation operation() {
        return new Create(this);
    }
}
