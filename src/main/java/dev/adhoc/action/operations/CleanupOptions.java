package dev.adhoc.action.operations;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.WrittenDuration;
import dev.adhoc.action.database.DatabaseOptions;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.github.GitHubOptions;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.terraform.TerraformOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The inputs of {@code cleanup}: what makes an environment go, and the inputs of the destroy and
 * stop it runs for each one.
 *
 * @param olderThan    environments older than this are destroyed; required unless stopIdleAfter is given
 * @param stopIdleAfter running environments with no deploy for this long are stopped
 */
public record CleanupOptions(
        Optional<WrittenDuration> olderThan,
        boolean dryRun,
        Optional<WrittenDuration> stopIdleAfter,
        TerraformOptions terraform,
        String manifestPrefix,
        Duration waitTimeout,
        DatabaseOptions database,
        GitHubOptions github) implements VerbOptions {

    static CleanupOptions from(Inputs inputs, Supplier<GitHubEvent> event) {
        Optional<WrittenDuration> stopIdleAfter = inputs.givenDuration(Input.STOP_IDLE_AFTER);
        if (stopIdleAfter.isEmpty()) inputs.require(Input.OLDER_THAN, "for cleanup (e.g. 7d): environments older than this are destroyed");
        Optional<WrittenDuration> olderThan = inputs.givenDuration(Input.OLDER_THAN);
        boolean dryRun = inputs.flag(Input.DRY_RUN);
        return new CleanupOptions(olderThan, dryRun, stopIdleAfter, TerraformOptions.from(inputs), CommonOptions.manifestPrefix(inputs),
                CommonOptions.waitTimeout(inputs), DatabaseOptions.from(inputs), GitHubOptions.from(inputs, event.get()));
    }

    /** What {@code destroy} of one expired environment runs with. */
    DestroyOptions destroy(EnvironmentName environment) {
        return new DestroyOptions(environment, terraform, manifestPrefix, waitTimeout, database, github(environment));
    }

    /** What {@code stop} of one idle environment runs with. */
    StopStartOptions stop(EnvironmentName environment) {
        return new StopStartOptions(true, environment, manifestPrefix, waitTimeout, github(environment));
    }

    /**
     * An environment's own pull request is the one its name says ({@code pr-<n>}), never the
     * event's: cleanup triggered by one pull request must not report every environment on it.
     */
    private GitHubOptions github(EnvironmentName environment) {
        return github.forPullRequest(EnvironmentName.pullRequestNumber(environment.value()));
    }

    @Override
    public Operation operation() {
        return new Cleanup(this, (context, environment) -> new Destroy(destroy(environment)).run(context));
    }
}
