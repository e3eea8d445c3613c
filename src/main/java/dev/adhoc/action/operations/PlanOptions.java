package dev.adhoc.action.operations;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import dev.adhoc.action.terraform.TerraformOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** The inputs of {@code plan}. */
public record PlanOptions(
        EnvironmentName environment,
        Optional<ImageTag> backendImageTag,
        Optional<ImageTag> frontendImageTag,
        TerraformOptions terraform,
        String manifestPrefix,
        Duration waitTimeout) implements VerbOptions {

    static PlanOptions from(Inputs inputs, Supplier<GitHubEvent> event) {
        return new PlanOptions(CommonOptions.environment(inputs, event, Verb.PLAN),
                CommonOptions.imageTag(inputs, Input.BACKEND_IMAGE_TAG),
                CommonOptions.imageTag(inputs, Input.FRONTEND_IMAGE_TAG),
                TerraformOptions.from(inputs),
                CommonOptions.manifestPrefix(inputs),
                CommonOptions.waitTimeout(inputs));
    }

    @Override
    public Operation operation() {
        return new Plan(this);
    }
}
