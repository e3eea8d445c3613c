package dev.adhoc.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.FailureReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's failure-reason table lists exactly {@link FailureReason}'s values with their meanings, in its order. */
class FailureReasonTableTest {
    static final String HEADING = "### Failure reasons";

    @Test
    void readmeListsEveryFailureReasonWithItsMeaning() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<List<String>> documented = ActionMetadata.markdownTable(readme, HEADING);
        List<List<String>> expected = new ArrayList<>();
        for (FailureReason reason : FailureReason.values()) expected.add(List.of("`" + reason.value() + "`", reason.meaning()));
        assertThat(documented)
                .withFailMessage(() -> "README's table under '%s' differs from FailureReason.java. It should read:%n%s"
                        .formatted(HEADING, table()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void valuesAreDistinctLowercaseWords() {
        List<String> values = new ArrayList<>();
        for (FailureReason reason : FailureReason.values()) {
            assertThat(reason.value()).matches("[a-z]+(-[a-z]+)*");
            assertThat(reason.meaning()).as(reason.value()).isNotBlank().doesNotContain("|");
            values.add(reason.value());
        }
        assertThat(values).doesNotHaveDuplicates();
    }

    /** README's table as FailureReason.java defines it. */
    static String table() {
        StringBuilder text = new StringBuilder("| failure-reason | meaning |\n|---|---|\n");
        for (FailureReason reason : FailureReason.values()) {
            text.append("| `").append(reason.value()).append("` | ").append(reason.meaning()).append(" |\n");
        }
        return text.toString();
    }
}
