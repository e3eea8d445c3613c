package dev.adhoc.action.operations;

import dev.adhoc.action.model.EnvironmentName;

/**
 * Does one thing to one environment: destroy it, as operation {@code destroy} does, or stop it,
 * as operation {@code stop} does. {@code cleanup} applies one to each environment it removes or
 * stops, with its own context (the verb, built with that environment's options, reports under its
 * own name); a failure is thrown.
 */
@FunctionalInterface
public interface EnvironmentAction {
    void apply(Context context, EnvironmentName environment);
}
