package dev.adhoc.action;

/**
 * A failure the user must act on. {@code reason} is a short, stable code for the
 * {@code failure-reason} output (workflows branch on it); {@code getMessage()} is the one
 * line shown as {@code ::error::}: what failed, why, and what to do.
 */
public class AdhocFailure extends RuntimeException {
    private final String reason;

    public AdhocFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AdhocFailure(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** Bad input: refused before anything changes in AWS or GitHub. */
    public static AdhocFailure invalidInput(String message) {
        return new AdhocFailure("invalid-input", message);
    }
}
