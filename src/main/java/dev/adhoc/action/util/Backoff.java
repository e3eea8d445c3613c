package dev.adhoc.action.util;

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

    /** The interval to wait now; each call makes the next one half as long again, up to the cap. */
    public Duration next() {
        long now = nextMillis;
        nextMillis = Math.min(maxMillis, (long) (nextMillis * 1.5));
        return Duration.ofMillis(now);
    }
}
