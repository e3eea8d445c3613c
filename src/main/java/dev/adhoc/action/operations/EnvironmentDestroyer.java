package dev.adhoc.action.operations;

import dev.adhoc.action.model.EnvironmentName;

/**
 * Destroys one environment completely, as operation {@code destroy} does. {@code cleanup}
 * calls it once per environment it removes, with its own context (the destroy, built with that
 * environment's options, reports it as a destroy); a failure is thrown.
 */
@FunctionalInterface
public interface EnvironmentDestroyer {
    void destroy(Context context, EnvironmentName environment);
}
