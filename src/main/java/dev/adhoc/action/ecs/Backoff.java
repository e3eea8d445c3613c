package dev.adhoc.action.ecs;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import java.time.Duration;

/**
 * Polling pace: starts quick so short waits finish fast, grows to a cap low enough that a
 * change is seen within a couple of seconds of happening (the AWS CLI waits 15 s).
 */
public final class Backoff {
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration first, Duration max) {
        this.nextMillis = first.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** For service deployments: seen within 2 s of completing. */
    public static Backoff polling() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    /** For one-off tasks, which people watch as they run (log lines) and wait on: seen within half a second. */
    public static Backoff tasks() {
        return new Backoff(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    /** Sleeps for a fixed time; an interrupt (a cancelled run) ends the wait as a failure. */
    public static void pauseFor(Duration duration) {
        new Backoff(duration, duration).pause(System.currentTimeMillis() + duration.toMillis());
    }

    /** Sleeps for the next interval, never past {@code deadlineMillis} (System.currentTimeMillis based). */
    public void pause(long deadlineMillis) {
        long remaining = deadlineMillis - System.currentTimeMillis();
        long sleep = Math.max(0, Math.min(nextMillis, remaining));
        nextMillis = Math.min(maxMillis, (long) (nextMillis * 1.5));
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdhocFailure(FailureReason.INTERRUPTED, "The run was interrupted while waiting.");
        }
    }
}
