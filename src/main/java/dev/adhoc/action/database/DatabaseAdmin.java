package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;

/**
 * Creates and drops the database of one environment in the shared server. Both are
 * idempotent: ensuring an existing database and dropping a missing one succeed.
 * Failures are {@link dev.adhoc.action.AdhocFailure}s.
 */
public sealed interface DatabaseAdmin permits BastionDatabase, TaskDatabase, NoDatabase {
    /** Creates the database named after the environment unless it exists. */
    void ensure(EnvironmentName name);

    /** Drops the database named after the environment if it exists. */
    void drop(EnvironmentName name);
}
