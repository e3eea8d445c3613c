package dev.adhoc.action.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubEvent;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One verb's inputs, parsed and checked once at the edge, before any AWS or GitHub call: one
 * immutable record per verb, beside the verb's class, whose fields are exactly the inputs
 * {@link Input} lists for that verb (VerbOptionsTest checks it). The shared groups (terraform,
 * database, GitHub) are records of the packages that own them. Nothing below {@code Main} and
 * these records' {@code from} methods reads {@link Inputs}.
 */
public sealed interface VerbOptions
        permits PlanOptions, CreateOptions, DeployOptions, RunOptions, DestroyOptions, ListOptions, CleanupOptions, StopStartOptions {

    /** The SSM parameter prefix of the environment manifests, which every verb reads. */
    String manifestPrefix();

    /** The operation that performs the verb with these options. */
    Operation operation();

    /**
     * Every input {@code verb} reads, checked; inputs it does not read are ignored. The environment
     * and pull request default to the pull_request event's, read from the process environment now
     * (only by a verb that needs it: list, or run with an environment given, reads no event file).
     */
    static VerbOptions parse(Verb verb, Inputs inputs, Map<String, String> processEnvironment, ObjectMapper json) {
        Inputs own = inputs.forVerb(verb);
        Supplier<GitHubEvent> event = () -> GitHubEvent.read(processEnvironment, json);
        return switch (verb) {
            case PLAN -> PlanOptions.from(own, event);
            case CREATE -> CreateOptions.from(own, event);
            case DEPLOY -> DeployOptions.from(own, event);
            case RUN -> RunOptions.from(own, event);
            case DESTROY -> DestroyOptions.from(own, event);
            case LIST -> ListOptions.from(own);
            case CLEANUP -> CleanupOptions.from(own, event);
            case STOP, START -> StopStartOptions.from(verb, own, event);
        };
    }
}
