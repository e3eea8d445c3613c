package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;

/** {@code database: none}: the database server is someone else's business; says so in the log. */
public final class NoDatabase implements DatabaseServerAdmin {
    private final JobLog log;

    public NoDatabase(JobLog log) {
        this.log = log;
    }

    @Override
    public void ensure(EnvironmentRole role) {
        log.notice("Input 'database' is none: not creating a database or role for '" + role.name() + "'.");
    }

    @Override
    public void drop(EnvironmentName name) {
        log.notice("Input 'database' is none: not dropping a database or role for '" + name + "'.");
    }
}
