package dev.adhoc.action;

/**
 * A failure the user must act on. {@code reason} is a {@link FailureReason}, the stable code of the
 * {@code failure-reason} output (workflows branch on it); {@code getMessage()} is the one
 * line shown as {@code ::error::}: what failed, why, and what to do.
 */
public class AdhocFailure extends RuntimeException {
    private final FailureReason reason;

    public AdhocFailure(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AdhocFailure(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The {@code failure-reason} output's value. */
    public String reason() {
        return reason.value();
    }

    public boolean is(FailureReason reason) {
        return this.reason == reason;
    }

    /** Bad input: refused before anything changes in AWS or GitHub. */
    public static AdhocFailure invalidInput(String message) {
        return new AdhocFailure(FailureReason.INVALID_INPUT, message);
    }
}
