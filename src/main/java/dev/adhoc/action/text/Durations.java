package dev.adhoc.action.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Durations and instants as people read them: how long something took ({@code 4.2s},
 * {@code 1h 2m 3s}), how old something is ({@code 3d 4h}), and when it was ({@code 2026-11-26 09:21Z},
 * or today's {@code 09:21:07 UTC}).
 */
public final class Durations {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Durations() {
    }

    /** Short human form of how long something took: 1h 2m 3s, 4.2s. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 86_400) out.append(s / 86_400).append("d ");
        if (s >= 3_600) out.append(s % 86_400 / 3_600).append("h ");
        out.append(s % 3_600 / 60).append("m ").append(s % 60).append('s');
        return out.toString();
    }

    /** The coarse age: days and hours, hours and minutes, or minutes. */
    public static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes >= 24 * 60) return minutes / (24 * 60) + "d " + minutes % (24 * 60) / 60 + "h";
        if (minutes >= 60) return minutes / 60 + "h " + minutes % 60 + "m";
        return minutes + "m";
    }

    /** An instant to the minute, in UTC, as a table shows it: {@code 2026-11-26 09:21Z}; {@code -} for none. */
    public static String instant(Instant instant) {
        if (instant == null) return "-";
        String text = instant.truncatedTo(ChronoUnit.MINUTES).toString(); // 2026-11-26T09:21:00Z
        return text.substring(0, 10) + " " + text.substring(11, 16) + "Z";
    }

    /** An instant's time of day to the second, in UTC, for instants close to now (a rate limit's reset): {@code 09:21:07 UTC}. */
    public static String timeOfDay(Instant instant) {
        return TIME_OF_DAY.format(instant);
    }
}
