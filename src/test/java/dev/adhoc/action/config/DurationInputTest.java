package dev.adhoc.action.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationInputTest {
    @Test
    void parsesUnitsAndCombinations() {
        assertThat(DurationInput.parse("x", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationInput.parse("x", "20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(DurationInput.parse("x", "36h")).isEqualTo(Duration.ofHours(36));
        assertThat(DurationInput.parse("x", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationInput.parse("x", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void refusesOtherText() {
        assertThatThrownBy(() -> DurationInput.parse("older-than", "7 days")).isInstanceOf(AdhocFailure.class)
                .hasMessageContaining("older-than").hasMessageContaining("36h");
        assertThatThrownBy(() -> DurationInput.parse("wait-timeout", "0m")).isInstanceOf(AdhocFailure.class);
    }
}
