package dev.adhoc.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.Phase;
import dev.adhoc.action.runtime.SummaryBlock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryTextTest {
    /** What would show a terminal Markdown or Mermaid source instead of text. */
    static final List<String> MARKUP = List.of("```", "gantt", "mermaid", "|---", "\n| ", "**", "## ", "<details>", "<br>", "&lt;", "\n> ");

    @Test
    void headsWithStateAndUrlAndAlignsTheServices() {
        String text = SummaryText.render(Reports.ready());

        assertThat(text).startsWith("✅ deploy pr-7: Ready\nURL:  " + Reports.URL + "\nTook: 3m 10s\nRun:  " + Reports.RUN + "\n");
        List<String> lines = text.lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("service ")).findFirst().orElseThrow();
        assertThat(header).matches("service\\s+old image\\s+new image\\s+task definition\\s+took");
        String web = lines.stream().filter(l -> l.startsWith("pr-7-web ")).findFirst().orElseThrow();
        assertThat(web).contains(Reports.REPO + ":v1", Reports.REPO + ":v2", "pr-7-web:13", "1m 2s");
        assertThat(web.indexOf("pr-7-web:13")).isEqualTo(header.indexOf("task definition"));
        assertThat(text).contains("Pre-deploy tasks\n").containsPattern("pr-7-migrate\\s+ok\\s+0\\s+12.0s");
        assertThat(MARKUP).allSatisfy(markup -> assertThat(text).doesNotContain(markup));
    }

    @Test
    void drawsTheTimelineAsBarsOnOneAxis() {
        String text = SummaryText.render(Reports.ready());

        List<String> lines = text.lines().dropWhile(l -> !l.equals("Where the time went")).skip(1).toList();
        assertThat(lines.get(0)).matches("step\\s+start\\s+took\\s+timeline");
        // The run spans 150s over 40 columns: migrations 0–32s, rollout 32–150s, the health check an instant at the end.
        assertThat(lines.get(2)).matches("migrations\\s+\\+0\\.0s\\s+32\\.0s\\s+\\|█{9} {31}\\|");
        assertThat(lines.get(3)).matches("rollout\\s+\\+32\\.0s\\s+1m 58s\\s+\\| {8}█{31} \\|");
        assertThat(lines.get(4)).matches("health check\\s+\\+2m 30s\\s+0\\.0s\\s+\\| {39}█\\|");
        assertThat(lines.subList(2, 5)).extracting(line -> line.indexOf('|')).containsOnly(lines.get(0).indexOf("timeline"));
    }

    @Test
    void phaseNamesStayOnOneRow() {
        EnvironmentReport report = EnvironmentReport.start("pr-7", "create", Reports.T0)
                .toBuilder().phase(new Phase("terraform\napply", Reports.T0, Reports.T0.plusSeconds(5))).build();
        assertThat(SummaryText.render(report)).contains("terraform apply  +0.0s  5.0s  |" + "█".repeat(40) + "|");
        assertThat(SummaryText.render(EnvironmentReport.start("pr-7", "list", Reports.T0))).doesNotContain("Where the time went");
    }

    @Test
    void showsThePlanAndWhyItFailedWithTheEndOfTheLog() {
        List<String> log = IntStream.rangeClosed(1, 30).mapToObj(i -> "log line " + i).toList();
        EnvironmentReport report = Reports.failed(new Failure("rollout", "Service pr-7-web did not stabilize",
                List.of("(service pr-7-web) has started 1 tasks"), List.of("Essential container in task exited"), log))
                .toBuilder()
                .planSummary(new SummaryBlock("**Plan: 3 to add**", "Plan applied to pr-7\nPlan: 3 to add, 1 to change, 0 to destroy\n"))
                .build();

        String text = SummaryText.render(report);

        assertThat(text).startsWith("❌ deploy pr-7: Failed\n")
                .contains("\nPlan applied to pr-7\nPlan: 3 to add, 1 to change, 0 to destroy\n")
                .contains("\nWhy it failed\nStep: rollout\n  Service pr-7-web did not stabilize\n")
                .contains("\nService events (1):\n  (service pr-7-web) has started 1 tasks\n")
                .contains("\nLast log lines (30, last 20 shown):\n  log line 11\n")
                .endsWith("  log line 30\n")
                .doesNotContain("log line 10\n");
        assertThat(MARKUP).allSatisfy(markup -> assertThat(text).doesNotContain(markup));
    }
}
