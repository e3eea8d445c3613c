package dev.adhoc.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.State;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommentMarkdownTest {
    private static final int GITHUB_LIMIT = 65_536;
    private static final String MARKER = "<!-- adhoc-action:environment=pr-7 -->";

    @Test
    void showsEverythingAReviewerNeeds() {
        String body = CommentMarkdown.render(Reports.ready());

        assertThat(body).startsWith(MARKER + "\n### ✅ `pr-7`: Ready\n").contains("**URL:** " + Reports.URL)
                .contains("| Environment | `pr-7` |", "| State | ✅ Ready |")
                .contains("backend `" + Reports.REPO + ":v2`<br>frontend `")
                .contains("✅ `pr-7-migrate` exited 0 after 12.0s")
                .contains("| Took | 3m 10s |", "[log](" + Reports.RUN + ")")
                .contains("```sh\n" + Reports.SHELL + "\n```");
        assertThat(Reports.ready().commentMarker()).isEqualTo(MARKER);
        assertFencesBalanced(body);
    }

    @Test
    void aFailureSaysWhichStepAndShowsTheEvidenceFolded() {
        String body = CommentMarkdown.render(Reports.failed(new Failure("migrations", "Task pr-7-migrate exited with code 1",
                List.of("(service pr-7-web) was unable to place a task"), List.of("Essential container in task exited"),
                List.of("django.db.utils.OperationalError: relation \"shop_order\" does not exist"))));

        assertThat(body).startsWith(MARKER + "\n### ❌ `pr-7`: Failed").contains("**Step:** migrations", "> Task pr-7-migrate exited with code 1")
                .contains("<details><summary>Service events</summary>", "<details><summary>Stopped tasks</summary>",
                        "<details><summary>Last log lines</summary>\n\n```text\ndjango.db.utils.OperationalError")
                .doesNotContain("(trimmed)");
        assertFencesBalanced(body);
    }

    @Test
    void hugeEvidenceIsTrimmedBelowTheLimitKeepingMarkerStateUrlAndTheLastLines() {
        List<String> logs = IntStream.range(0, 20_000).mapToObj(i -> "log line " + i + " " + "x".repeat(80)).toList();
        List<String> events = IntStream.range(0, 3_000).mapToObj(i -> "(service pr-7-web) event " + i + " " + "e".repeat(60)).toList();
        String body = CommentMarkdown.render(Reports.failed(new Failure("rollout", "m".repeat(100_000), events,
                List.of("Essential container in task exited"), logs)));

        assertThat(body.length()).isLessThan(GITHUB_LIMIT);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(GITHUB_LIMIT);
        assertThat(body).startsWith(MARKER).contains("Failed", "**URL:** " + Reports.URL, "(trimmed)")
                .contains("log line 19999 ").doesNotContain("log line 0 ")
                .contains("(service pr-7-web) event 0 ");
        assertFencesBalanced(body);
    }

    @Test
    void bodiesJustOverTheLimitAreTrimmedAndJustUnderAreNot() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) lines.add("%04d ".formatted(i) + "y".repeat(95));
        String under = CommentMarkdown.render(Reports.failed(new Failure("rollout", "m", List.of(), List.of(), lines)));
        assertThat(under).doesNotContain("(trimmed)").hasSizeLessThan(CommentMarkdown.MAX_BYTES + 1);

        for (int i = 600; i < 700; i++) lines.add("%04d ".formatted(i) + "y".repeat(95));
        String over = CommentMarkdown.render(Reports.failed(new Failure("rollout", "m", List.of(), List.of(), lines)));
        assertThat(over).contains("(trimmed)", "0699 ").hasSizeLessThan(GITHUB_LIMIT);
        assertFencesBalanced(over);
    }

    @Test
    void multiByteTextIsMeasuredInBytes() {
        List<String> logs = IntStream.range(0, 5_000).mapToObj(i -> "ошибка 💥 " + "ж".repeat(40)).toList();
        String body = CommentMarkdown.render(Reports.failed(new Failure("rollout", "m", List.of(), List.of(), logs)));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CommentMarkdown.MAX_BYTES);
        assertFencesBalanced(body);
    }

    @Test
    void backticksAndMarkupInTheEvidenceCannotEscapeTheirBlocks() {
        String body = CommentMarkdown.render(Reports.failed(new Failure("rollout", "bad <!-- hidden --> **bold**",
                List.of(), List.of(), List.of("```", "</details>", "````python", "done"))));
        assertThat(body).contains("&lt;!-- hidden --&gt;").contains("`````text\n```\n</details>\n````python\ndone\n`````");
        assertThat(body.indexOf("<!--", 1)).isEqualTo(-1);
        assertFencesBalanced(body);
    }

    @Test
    void aSingleEnormousLineIsCut() {
        String body = CommentMarkdown.render(Reports.failed(new Failure("rollout", "m", List.of(), List.of(), List.of("z".repeat(500_000)))));
        assertThat(body.length()).isLessThan(GITHUB_LIMIT);
        assertThat(body).contains("(trimmed)");
        assertFencesBalanced(body);
    }

    @Test
    void destroyedIsShortAndKeepsTheMarker() {
        String body = CommentMarkdown.render(Reports.ready().finished(State.DESTROYED, Reports.T0.plusSeconds(600)));
        assertThat(body).startsWith(MARKER + "\n### 🗑️ Environment `pr-7` was destroyed").contains(Reports.RUN)
                .doesNotContain(Reports.URL).doesNotContain("execute-command");
        assertThat(body.length()).isLessThan(400);
    }

    /** Every opened fence is closed by a fence at least as long, as CommonMark requires. */
    static void assertFencesBalanced(String markdown) {
        Pattern open = Pattern.compile("^(`{3,})[^`]*$");
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            if (fence == null) {
                Matcher m = open.matcher(line);
                if (m.matches()) fence = m.group(1);
            } else if (line.matches("^`{" + fence.length() + ",}\\s*$")) {
                fence = null;
            }
        }
        assertThat(fence).as("an unclosed code fence").isNull();
    }
}
