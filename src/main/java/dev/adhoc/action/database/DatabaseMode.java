package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.text.Printable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code database} input: how an environment's database is created and dropped. */
public enum DatabaseMode {
    /** The database scripts (psql) run on the SSH bastion. */
    BASTION("bastion"),
    /** The database scripts (psql) run in a one-off ECS task in the private subnets. */
    TASK("task"),
    /** The program leaves the database server alone (the environment's secret is still kept). */
    NONE("none");

    private final String id;

    DatabaseMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DatabaseMode parse(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst()
                .orElseThrow(() -> AdhocFailure.invalidInput("Input 'database' is '" + Printable.of(value)
                        + "'; use one of " + Arrays.stream(values()).map(DatabaseMode::id).collect(Collectors.joining(", ")) + "."));
    }
}
