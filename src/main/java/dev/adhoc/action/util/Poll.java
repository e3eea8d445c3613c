package dev.adhoc.action.util;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one way this program waits for something to happen: try, and until it has happened or the
 * bound has passed, pause for the backoff's next interval (never past the bound) and try again.
 * Time and sleeping are injected, so a test can drive a wait without sleeping.
 */
public final class Poll {

    /** Sleeps; in tests, advances a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One try: the result once there is one, empty while there is none yet. */
    @FunctionalInterface
    public interface Attempt<T, X extends Exception> {
        Optional<T> attempt() throws X;
    }

    /** One check of whether the awaited thing has happened. */
    @FunctionalInterface
    public interface Condition<X extends Exception> {
        boolean met() throws X;
    }

    private final Clock clock;
    private final Sleeper sleeper;

    public Poll(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Real sleeping, on {@code clock} (the run's: the system clock in production). */
    public static Poll sleeping(Clock clock) {
        return new Poll(clock, duration -> Thread.sleep(duration.toMillis()));
    }

    /** Now, on the clock the waits pass on: how long a wait took is measured here, so a test can pin it. */
    public Instant now() {
        return clock.instant();
    }

    public Deadline deadline(Duration budget) {
        return Deadline.after(budget, clock);
    }

    /**
     * Tries until an attempt has a result (returned) or the bound has passed after an attempt
     * without one (empty). The first attempt is made at once. An interrupt while pausing (a
     * cancelled run) ends the wait as {@link Interrupted}; whatever an attempt throws passes through.
     */
    public <T, X extends Exception> Optional<T> untilPresent(Attempt<T, X> attempt, Deadline bound, Backoff backoff) throws X {
        while (true) {
            Optional<T> result = attempt.attempt();
            if (result.isPresent()) return result;
            if (bound.expired(clock)) return Optional.empty();
            Duration interval = backoff.next();
            Duration remaining = bound.remaining(clock);
            pause(interval.compareTo(remaining) < 0 ? interval : remaining);
        }
    }

    /** {@link #untilPresent} for a yes/no condition: whether it was met within the bound. */
    public <X extends Exception> boolean until(Condition<X> condition, Deadline bound, Backoff backoff) throws X {
        return untilPresent(() -> condition.met() ? Optional.of(true) : Optional.<Boolean>empty(), bound, backoff).isPresent();
    }

    /** Sleeps for a fixed time; an interrupt (a cancelled run) ends the wait as a failure. */
    public void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    /** A wait ended by an interrupt; the interrupt flag stays set. */
    public static final class Interrupted extends AdhocFailure {
        Interrupted() {
            super(FailureReason.INTERRUPTED, "The run was interrupted while waiting.");
        }
    }
}
