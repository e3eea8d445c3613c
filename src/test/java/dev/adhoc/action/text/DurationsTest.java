package dev.adhoc.action.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(4200))).isEqualTo("4.2s");
        assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h 2m 3s");
        assertThat(Durations.format(Duration.ofSeconds(90_061))).isEqualTo("1d 1h 1m 1s");
    }

    @Test
    void agesAreCoarse() {
        assertThat(Durations.age(Duration.ofMinutes(59))).isEqualTo("59m");
        assertThat(Durations.age(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(Durations.age(Duration.ofHours(76))).isEqualTo("3d 4h");
        assertThat(Durations.age(Duration.ofMinutes(-5))).isEqualTo("0m");
    }

    @Test
    void instantsToTheMinuteInUtc() {
        assertThat(Durations.instant(Instant.parse("2026-11-26T09:21:59.5Z"))).isEqualTo("2026-11-26 09:21Z");
        assertThat(Durations.instant(null)).isEqualTo("-");
    }

    @Test
    void timesOfDayToTheSecondInUtc() {
        assertThat(Durations.timeOfDay(Instant.parse("2026-11-26T09:21:07.9Z"))).isEqualTo("09:21:07 UTC");
    }
}
