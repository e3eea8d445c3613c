package dev.adhoc.action.operations;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.text.ShellWords;
import dev.adhoc.action.github.GitHubEvent;
import dev.adhoc.action.model.EnvironmentName;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The inputs of {@code run}.
 *
 * @param command the command input split into words: the task's argv, no shell involved
 */
public record RunOptions(EnvironmentName environment, List<String> command, String manifestPrefix, Duration waitTimeout)
        implements VerbOptions {

    public RunOptions {
        command = List.copyOf(command);
    }

    static RunOptions from(Inputs inputs, Supplier<GitHubEvent> event) {
        EnvironmentName environment = CommonOptions.environment(inputs, event, Verb.RUN);
        String command = inputs.require(Input.COMMAND, "for run (e.g. python manage.py createsuperuser --no-input)");
        List<String> argv = ShellWords.split(Input.COMMAND.inputName(), command);
        return new RunOptions(environment, argv, CommonOptions.manifestPrefix(inputs), CommonOptions.waitTimeout(inputs));
    }

    @Override
    public Operation operation() {
        return new RunCommand(this);
    }
}
