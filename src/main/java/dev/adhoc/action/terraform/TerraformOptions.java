package dev.adhoc.action.terraform;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import java.util.Optional;

/**
 * The terraform inputs of plan, create, destroy and cleanup, as given: the root (relative to the
 * working directory), the variables file and the backend-config file (both relative to the root).
 * Whether the files exist is checked when the workspace is opened, once the environment is known.
 */
public record TerraformOptions(String directory, Optional<String> varFile, Optional<String> backendConfig) {

    public static TerraformOptions from(Inputs inputs) {
        return new TerraformOptions(inputs.value(Input.TERRAFORM_DIRECTORY), inputs.given(Input.VAR_FILE),
                inputs.given(Input.BACKEND_CONFIG));
    }
}
