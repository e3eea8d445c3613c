package dev.adhoc.action.config;

import dev.adhoc.action.AdhocFailure;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations as the CLI names them ({@code adhoc <verb>}) and the Action's {@code operation}
 * input takes them, each with the one line {@code adhoc help} shows. Which flags a verb reads is
 * declared on {@link Input}, so help and action.yml come from one list.
 */
public enum Verb {
    PLAN("plan", "Show what create would change (terraform plan), changing nothing."),
    CREATE("create", "Create or update an environment: database, terraform apply, pre-deploy tasks, services."),
    DEPLOY("deploy", "Roll out new image tags: pre-deploy tasks (migrations), then the services; no terraform."),
    RUN("run", "Run a one-off command in a backend task; its exit code is the run's."),
    DESTROY("destroy", "Destroy an environment: terraform destroy, drop its database, delete its workspace."),
    LIST("list", "List every environment with its URL, images, age and last deploy."),
    CLEANUP("cleanup", "Destroy environments older than --older-than (only lists them unless --dry-run false)."),
    STOP("stop", "Scale an environment's services to zero: it then costs only storage."),
    START("start", "Scale a stopped environment's services back to the counts they had.");

    private final String id;
    private final String summary;

    Verb(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    /** One line for {@code adhoc help}. */
    public String summary() {
        return summary;
    }

    /** The inputs this verb reads, in {@link Input}'s order: its flags. */
    public List<Input> inputs() {
        return Arrays.stream(Input.values()).filter(input -> input.verbs().contains(this)).toList();
    }

    public boolean takesEnvironment() {
        return Input.ENVIRONMENT.verbs().contains(this);
    }

    public static Optional<Verb> byName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
    }

    /** The verb named, or a usage error naming the closest one. */
    public static Verb parse(String name) {
        return byName(name).orElseThrow(() -> AdhocFailure.invalidInput("Unknown operation '" + name + "'"
                + Suggestions.closest(name, Arrays.stream(values()).map(Verb::id).toList()).map(v -> "; did you mean '" + v + "'?").orElse(".")
                + " Operations: " + String.join(", ", Arrays.stream(values()).map(Verb::id).toList()) + " ('adhoc help' says what each does)."));
    }
}
