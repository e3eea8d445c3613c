package dev.adhoc.action.model;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.text.Printable;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment's name: a DNS label short enough for every AWS name it goes into
 * (cluster, services, target groups, log groups, the database). Checked before it reaches a
 * shell, SQL or an AWS call, so everything downstream may rely on its shape. The environment's
 * database and login role carry the name too, so names PostgreSQL or RDS already use are refused
 * ({@code pg_*} names cannot occur: no underscores).
 */
public record EnvironmentName(String value) {
    public static final int MAX_LENGTH = 20;
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]*");
    /** {@code pr-<number>}, exactly as {@link #ofPullRequest} writes it (no leading zero). */
    private static final Pattern PULL_REQUEST = Pattern.compile("pr-([1-9][0-9]{0,8})");
    /** Databases and roles every PostgreSQL (or RDS) server has, and role names PostgreSQL refuses. */
    private static final Set<String> RESERVED = Set.of("postgres", "template0", "template1", "rdsadmin", "rdstopmgr", "public", "none");

    public EnvironmentName {
        if (isReserved(value)) {
            throw AdhocFailure.invalidInput("Environment name '" + value + "' is reserved: the environment's database and role"
                    + " would be PostgreSQL's own '" + value + "'. Choose another name (e.g. pr-123 or feature-login).");
        }
        String problem = problem(value);
        if (problem != null) {
            throw AdhocFailure.invalidInput("Environment name '" + Printable.of(value) + "' is not valid: " + problem
                    + ". Use lower-case letters, digits and single hyphens, starting with a letter, at most "
                    + MAX_LENGTH + " characters (e.g. pr-123 or feature-login).");
        }
    }

    public static EnvironmentName of(String value) {
        return new EnvironmentName(value);
    }

    /** The environment of pull request {@code number}: {@code pr-<number>}, the default on pull_request events. */
    public static EnvironmentName ofPullRequest(int number) {
        return of("pr-" + number);
    }

    /** The pull request a {@code pr-<number>} environment belongs to; empty for any other name. */
    public static OptionalInt pullRequestNumber(String environment) {
        Matcher pr = PULL_REQUEST.matcher(environment);
        return pr.matches() ? OptionalInt.of(Integer.parseInt(pr.group(1))) : OptionalInt.empty();
    }

    public static boolean isValid(String value) {
        return problem(value) == null && !isReserved(value);
    }

    private static boolean isReserved(String value) {
        return value != null && RESERVED.contains(value);
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) return "it is empty";
        if (value.length() > MAX_LENGTH) return "it has " + value.length() + " characters";
        if (!SHAPE.matcher(value).matches()) return "it must match [a-z][a-z0-9-]*";
        if (value.endsWith("-")) return "it ends with a hyphen";
        if (value.contains("--")) return "it contains a double hyphen";
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
