package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** The inputs of {@code deploy}: at least one image tag. */
public record DeployOptions(
        EnvironmentName environment,
        Optional<ImageTag> backendImageTag,
        Optional<ImageTag> frontendImageTag,
        String manifestPrefix,
        Duration waitTimeout,
        GitHubOptions github) implements VerbOptions {

    static DeployOptions from(Inputs inputs, Supplier<GitHubEvent> event) {
        EnvironmentName environment = CommonOptions.environment(inputs, event, Verb.DEPLOY);
        Optional<ImageTag> backend = CommonOptions.imageTag(inputs, Input.BACKEND_IMAGE_TAG);
        Optional<ImageTag> frontend = CommonOptions.imageTag(inputs, Input.FRONTEND_IMAGE_TAG);
        if (backend.isEmpty() && frontend.isEmpty()) {
            throw AdhocFailure.invalidInput("deploy needs backend-image-tag, frontend-image-tag or both: there is nothing to roll out.");
        }
        return new DeployOptions(environment, backend, frontend, CommonOptions.manifestPrefix(inputs), CommonOptions.waitTimeout(inputs),
                GitHubOptions.from(inputs, event.get()));
    }

    @Override
    public Operation operation() {
        return new Deploy(this);
    }
}
