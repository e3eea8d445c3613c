package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;

/**
 * Creates and drops one environment's login role and database in the shared server, reached the
 * way the {@code database} input says. Both are idempotent: ensuring what exists updates it, and
 * dropping what is missing succeeds. Failures are {@link dev.adhoc.action.AdhocFailure}s.
 */
public sealed interface DatabaseServerAdmin permits BastionDatabase, TaskDatabase, NoDatabase {
    /** Creates the role and the database named after the environment, or brings them up to date. */
    void ensure(EnvironmentRole role);

    /** Drops the database and the role named after the environment, if they exist. */
    void drop(EnvironmentName name);
}
