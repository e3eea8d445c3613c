package dev.adhoc.action.ecs;

import java.time.Duration;

/** The point in time every wait of one run is bounded by ({@code wait-timeout}). */
public record Deadline(long epochMillis, Duration budget) {

    public static Deadline after(Duration budget) {
        return new Deadline(System.currentTimeMillis() + budget.toMillis(), budget);
    }

    public boolean expired() {
        return System.currentTimeMillis() >= epochMillis;
    }

    public Duration remaining() {
        return Duration.ofMillis(Math.max(0, epochMillis - System.currentTimeMillis()));
    }
}
