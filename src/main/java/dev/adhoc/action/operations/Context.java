package dev.adhoc.action.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.ecs.EcsCalls;
import dev.adhoc.action.github.GitHubConnection;
import dev.adhoc.action.manifest.ManifestStore;
import dev.adhoc.action.runtime.Cancellation;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.runtime.JobSummary;
import dev.adhoc.action.runtime.StepOutputs;
import dev.adhoc.action.util.Poll;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything one run works with besides its verb's options: the job log, outputs and summary,
 * the AWS clients, the process environment (GITHUB_* variables) and the one connection to GitHub
 * every publisher and lookup of the run shares. Built once in {@code Main};
 * tests build their own with a local AWS and captured output.
 */
public record Context(
        JobLog log,
        StepOutputs outputs,
        JobSummary summary,
        AwsClients aws,
        Map<String, String> processEnvironment,
        Path workingDirectory,
        Clock clock,
        ObjectMapper json,
        Cancellation cancellation,
        GitHubConnection github) {

    /** The environment manifests under the verb's manifest-prefix. */
    public ManifestStore manifests(String manifestPrefix) {
        return new ManifestStore(aws.ssm(), manifestPrefix, json);
    }

    /** The ECS calls the program makes, on this run's client. */
    public EcsCalls ecs() {
        return EcsCalls.of(aws.ecs());
    }

    /** The run's waits and their deadlines, on this run's clock (the system clock in production), sleeping for real. */
    public Poll poll() {
        return Poll.sleeping(clock);
    }
}
