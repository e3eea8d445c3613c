package dev.adhoc.action.util;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when its poll sleeps, recording each sleep: a wait runs at once and nothing really sleeps. */
public final class FakeTime extends Clock {
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private Instant now = start;
    private final List<Long> sleptMillis = new ArrayList<>();
    private final Poll poll = new Poll(this, duration -> {
        sleptMillis.add(duration.toMillis());
        now = now.plus(duration);
    });

    /** Waits on this clock. */
    public Poll poll() {
        return poll;
    }

    public List<Long> sleptMillis() {
        return sleptMillis;
    }

    /** How far the clock has moved: the time the waits took. */
    public Duration elapsed() {
        return Duration.between(start, now);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
