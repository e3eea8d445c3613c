package dev.adhoc.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.ServiceRow;
import dev.adhoc.action.runtime.SummaryBlock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {
    private static final Pattern GANTT_TASK = Pattern.compile("^ {4}([^:#;]+) : (p\\d+), (\\d{13}), (\\d{13})$");

    @Test
    void headsWithStateAndUrlAndTablesTheServices() {
        String summary = SummaryMarkdown.render(Reports.ready());

        assertThat(summary).startsWith("## ✅ deploy `pr-7`: Ready\n").contains("**URL:** " + Reports.URL, "**Took:** 3m 10s");
        assertThat(summary).contains("| Service | Old image | New image | Task definition | Took |\n|---|---|---|---|---|\n")
                .contains("| pr-7-web | `" + Reports.REPO + ":v1` | `" + Reports.REPO + ":v2` | pr-7-web:13 | 1m 2s |")
                .contains("| pr-7-worker | – | `" + Reports.REPO + ":v2` | pr-7-worker:4 | 48.0s |");
        assertThat(summary).contains("### Pre-deploy tasks", "| pr-7-migrate | ✅ | 0 | 12.0s |");
    }

    @Test
    void chartsThePhasesAsAValidMermaidGantt() {
        String summary = SummaryMarkdown.render(Reports.ready());

        String block = summary.substring(summary.indexOf("```mermaid\n") + "```mermaid\n".length());
        block = block.substring(0, block.indexOf("\n```"));
        List<String> lines = block.lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly("gantt", "    dateFormat x", "    axisFormat %H:%M:%S", "    section Phases");
        List<String> tasks = lines.subList(4, lines.size());
        assertThat(tasks).hasSize(3);
        for (String task : tasks) {
            Matcher m = GANTT_TASK.matcher(task);
            assertThat(m.matches()).as(task).isTrue();
            assertThat(Long.parseLong(m.group(4))).isGreaterThan(Long.parseLong(m.group(3)));
        }
        assertThat(tasks.get(0)).isEqualTo("    migrations (32.0s) : p0, " + Reports.T0.toEpochMilli() + ", " + Reports.T0.plusSeconds(32).toEpochMilli());
        assertThat(tasks.get(2)).startsWith("    health check (0.0s) : p2, ");
    }

    @Test
    void phaseNamesCannotBreakTheChart() {
        EnvironmentReport report = EnvironmentReport.start("pr-7", "create", Reports.T0)
                .toBuilder().phase(new EnvironmentReport.Phase("terraform: apply #1", Reports.T0, Reports.T0.plusSeconds(5))).build();
        String summary = SummaryMarkdown.render(report);
        assertThat(summary).contains("    terraform  apply  1 (5.0s) : p0, ");
        assertThat(SummaryMarkdown.render(EnvironmentReport.start("pr-7", "list", Reports.T0))).doesNotContain("mermaid");
    }

    @Test
    void escapesTableCells() {
        EnvironmentReport report = Reports.ready().toBuilder().services(List.of(
                new ServiceRow("web|admin\nsecond line", Optional.of("repo:a|b"), "repo:c", 2, Duration.ofSeconds(1)))).build();
        String summary = SummaryMarkdown.render(report);
        assertThat(summary).contains("| web\\|admin<br>second line | `repo:a\\|b` | `repo:c` |");
        String row = summary.lines().filter(l -> l.startsWith("| web")).findFirst().orElseThrow();
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(6);
    }

    @Test
    void showsThePlanAndWhyItFailed() {
        EnvironmentReport report = Reports.failed(new Failure("rollout", "Service pr-7-web did not stabilize",
                List.of("(service pr-7-web) has started 1 tasks"), List.of("Essential container in task exited"),
                List.of("Traceback (most recent call last):", "ImportError: no module named shop")))
                .toBuilder()
                .planSummary(new SummaryBlock("**Plan:** 3 to add, 1 to change, 0 to destroy.", "Plan: 3 to add, 1 to change, 0 to destroy"))
                .build();
        String summary = SummaryMarkdown.render(report);
        assertThat(summary).startsWith("## ❌ deploy `pr-7`: Failed").contains("### Plan\n\n**Plan:** 3 to add, 1 to change, 0 to destroy.")
                .contains("### Why it failed", "**Step:** rollout", "> Service pr-7-web did not stabilize")
                .contains("<details><summary>Last log lines (2)</summary>", "ImportError: no module named shop");
    }

    @Test
    void aCancelledRunSaysWhereItStoppedNotWhyItFailed() {
        EnvironmentReport report = Reports.ready().cancelled(Failure.of("terraform",
                "Cancelled (SIGINT) during terraform; finished before: database."), Reports.T0.plusSeconds(40));
        String summary = SummaryMarkdown.render(report);
        assertThat(summary).startsWith("## 🛑 deploy `pr-7`: Cancelled").contains("### Where it stopped", "**Step:** terraform",
                "finished before: database").doesNotContain("Why it failed");
        assertThat(CommentMarkdown.render(report)).contains("🛑 Cancelled", "#### Where it stopped");
    }
}
