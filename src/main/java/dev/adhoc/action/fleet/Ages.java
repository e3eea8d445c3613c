package dev.adhoc.action.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as people read them in a table: {@code 2026-11-26 09:21Z}, {@code 3d 4h}. */
public final class Ages {
    private Ages() {
    }

    public static String instant(Instant instant) {
        if (instant == null) return "-";
        String text = instant.truncatedTo(ChronoUnit.MINUTES).toString(); // 2026-11-26T09:21:00Z
        return text.substring(0, 10) + " " + text.substring(11, 16) + "Z";
    }

    /** The coarse age: days and hours, hours and minutes, or minutes. */
    public static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes >= 24 * 60) return minutes / (24 * 60) + "d " + minutes % (24 * 60) / 60 + "h";
        if (minutes >= 60) return minutes / 60 + "h " + minutes % 60 + "m";
        return minutes + "m";
    }
}
