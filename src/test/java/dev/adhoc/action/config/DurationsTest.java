package dev.adhoc.action.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesUnitsAndCombinations() {
        assertThat(Durations.parse("x", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("x", "20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(Durations.parse("x", "36h")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("x", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("x", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void refusesOtherText() {
        assertThatThrownBy(() -> Durations.parse("older-than", "7 days")).isInstanceOf(AdhocFailure.class)
                .hasMessageContaining("older-than").hasMessageContaining("36h");
        assertThatThrownBy(() -> Durations.parse("wait-timeout", "0m")).isInstanceOf(AdhocFailure.class);
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(4200))).isEqualTo("4.2s");
        assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h 2m 3s");
    }
}
