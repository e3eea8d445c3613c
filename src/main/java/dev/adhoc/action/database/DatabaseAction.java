package dev.adhoc.action.database;

/** What is done to an environment's database. */
public enum DatabaseAction {
    CREATE("Creating", "create"),
    DROP("Dropping", "drop");

    private final String doing;
    private final String verb;

    DatabaseAction(String doing, String verb) {
        this.doing = doing;
        this.verb = verb;
    }

    /** "Creating", "Dropping": starts log titles and failure messages. */
    public String doing() {
        return doing;
    }

    public String verb() {
        return verb;
    }
}
