package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;

/** What is done to an environment's database and role. */
public enum DatabaseAction {
    CREATE("Creating"),
    DROP("Dropping");

    private final String doing;

    DatabaseAction(String doing) {
        this.doing = doing;
    }

    /** "Creating database and role 'pr-12'": starts log titles and failure messages. */
    public String title(EnvironmentName name) {
        return doing + " database and role '" + name + "'";
    }
}
