package dev.adhoc.action.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void speaksWorkflowCommandsInGitHubActions() {
        JobLog log = new JobLog(out, true);
        log.group("Rollout", () -> log.info("hello"));
        log.error("it failed\nbadly 100%");
        log.warning("careful");
        assertThat(printed()).isEqualTo("::group::Rollout\nhello\n::endgroup::\n::error::it failed%0Abadly 100%25\n::warning::careful\n");
    }

    @Test
    void printsReadableTextElsewhere() {
        JobLog log = new JobLog(out, false);
        log.group("Rollout", () -> log.info("hello"));
        log.error("it failed");
        assertThat(printed()).isEqualTo("▸ Rollout\nhello\nError: it failed\n");
    }

    @Test
    void masksSecretsLineByLineAndRedactsThemFromEverythingPrinted() {
        JobLog log = new JobLog(out, true);
        log.mask("-----BEGIN KEY-----\nc2VjcmV0LWtleS1ib2R5\n-----END KEY-----");
        log.info("key is c2VjcmV0LWtleS1ib2R5 here");
        log.error("token c2VjcmV0LWtleS1ib2R5");
        assertThat(printed()).contains("::add-mask::c2VjcmV0LWtleS1ib2R5")
                .contains("key is *** here").contains("::error::token ***")
                .doesNotContain("key is c2VjcmV0");
    }

    @Test
    void userTextCannotInjectWorkflowCommands() {
        JobLog log = new JobLog(out, true);
        log.info("::set-output name=x::y");
        assertThat(printed()).isEqualTo(" ::set-output name=x::y\n");
    }

    @Test
    void outputsAreWrittenMultiLineSafe(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("output");
        StepOutputs outputs = new StepOutputs(Optional.of(file));
        outputs.set("url", "https://a.example.com");
        outputs.set("task-definitions", "{\n  \"a\": 1\n}");
        String text = Files.readString(file);
        assertThat(text).matches("(?s)url<<(ghadelimiter_[0-9a-f-]+)\nhttps://a.example.com\n\\1\ntask-definitions<<(ghadelimiter_[0-9a-f-]+)\n\\{\n  \"a\": 1\n}\n\\2\n");
        assertThat(outputs.values()).containsEntry("url", "https://a.example.com");
    }

    @Test
    void summaryIsAppended(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary");
        JobSummary summary = new JobSummary(Optional.of(file));
        summary.append(new SummaryBlock("# One", "One"));
        summary.append(new SummaryBlock("two\n", ""));
        summary.append(new SummaryBlock("| a |\n|---|\n", "a\n-"));
        assertThat(Files.readString(file)).isEqualTo("# One\ntwo\n| a |\n|---|\n");
        assertThat(summary.markdown()).isEqualTo("# One\ntwo\n| a |\n|---|\n");
        // The terminal's form: the text of each part, a blank line between parts, none for parts the log already showed.
        assertThat(summary.text()).isEqualTo("One\n\na\n-\n");
    }
}
