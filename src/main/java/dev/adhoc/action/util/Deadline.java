package dev.adhoc.action.util;

import java.time.Clock;
import java.time.Duration;

/** The point in time every wait of one run is bounded by ({@code wait-timeout}). */
public record Deadline(long epochMillis, Duration budget) {

    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.millis() + budget.toMillis(), budget);
    }

    public boolean expired(Clock clock) {
        return clock.millis() >= epochMillis;
    }

    public Duration remaining(Clock clock) {
        return Duration.ofMillis(Math.max(0, epochMillis - clock.millis()));
    }
}
