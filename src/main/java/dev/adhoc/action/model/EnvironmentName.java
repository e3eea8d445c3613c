package dev.adhoc.action.model;

import dev.adhoc.action.AdhocFailure;
import java.util.regex.Pattern;

/**
 * An environment's name: a DNS label short enough for every AWS name it goes into
 * (cluster, services, target groups, log groups, the database). Checked before it reaches a
 * shell, SQL or an AWS call, so everything downstream may rely on its shape.
 */
public record EnvironmentName(String value) {
    public static final int MAX_LENGTH = 20;
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]*");

    public EnvironmentName {
        String problem = problem(value);
        if (problem != null) {
            throw AdhocFailure.invalidInput("Environment name '" + printable(value) + "' is not valid: " + problem
                    + ". Use lower-case letters, digits and single hyphens, starting with a letter, at most "
                    + MAX_LENGTH + " characters (e.g. pr-123 or feature-login).");
        }
    }

    public static EnvironmentName of(String value) {
        return new EnvironmentName(value);
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) return "it is empty";
        if (value.length() > MAX_LENGTH) return "it has " + value.length() + " characters";
        if (!SHAPE.matcher(value).matches()) return "it must match [a-z][a-z0-9-]*";
        if (value.endsWith("-")) return "it ends with a hyphen";
        if (value.contains("--")) return "it contains a double hyphen";
        return null;
    }

    /** Echoes bad input safely: no control characters, bounded length. */
    static String printable(String value) {
        if (value == null) return "";
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    @Override
    public String toString() {
        return value;
    }
}
