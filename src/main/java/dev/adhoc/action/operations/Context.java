package dev.adhoc.action.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.model.EnvironmentName;
import java.util.Optional;
import java.util.OptionalInt;
import dev.adhoc.action.config.DurationInput;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.runtime.Cancellation;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.runtime.JobSummary;
import dev.adhoc.action.runtime.StepOutputs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything one run works with: its inputs, the job log, outputs and summary, the AWS clients
 * and the process environment (GITHUB_* variables). Built once in {@code Main}; tests build
 * their own with a local AWS and captured output.
 */
public record Context(
        OperationName operation,
        Inputs inputs,
        JobLog log,
        StepOutputs outputs,
        JobSummary summary,
        AwsClients aws,
        Map<String, String> environment,
        Path workingDirectory,
        Clock clock,
        ObjectMapper json,
        Cancellation cancellation) {

    public Duration waitTimeout() {
        return DurationInput.parse(Input.WAIT_TIMEOUT.inputName(), inputs.require(Input.WAIT_TIMEOUT, "as a bound on waits"));
    }

    /**
     * The environment this run is about: the input, else {@code pr-<number>} on pull_request
     * events. Validated here, before any AWS, GitHub, shell or SQL call sees it.
     */
    public EnvironmentName environmentName() {
        Optional<String> given = inputs.given(Input.ENVIRONMENT);
        if (given.isPresent()) return EnvironmentName.of(given.get());
        OptionalInt pullRequest = GitHubEvent.read(environment, json).pullRequestNumber();
        if (pullRequest.isPresent()) return EnvironmentName.ofPullRequest(pullRequest.getAsInt());
        throw AdhocFailure.invalidInput("Input 'environment' is required for " + operation.id()
                + " (it defaults to pr-<number> only on pull_request events).");
    }

    public ManifestStore manifests() {
        return new ManifestStore(aws.ssm(), inputs.get(Input.MANIFEST_PREFIX).orElse("/adhoc"), json);
    }
}
