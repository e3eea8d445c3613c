package dev.adhoc.action.report;

import dev.adhoc.action.report.EnvironmentReport.Phase;
import dev.adhoc.action.report.SummarySection.Cell;
import dev.adhoc.action.report.SummarySection.Evidence;
import dev.adhoc.action.report.SummarySection.Facts;
import dev.adhoc.action.report.SummarySection.Grid;
import dev.adhoc.action.report.SummarySection.Heading;
import dev.adhoc.action.report.SummarySection.Plan;
import dev.adhoc.action.report.SummarySection.Problem;
import dev.adhoc.action.report.SummarySection.Timeline;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.text.Markdown;
import java.util.List;

/**
 * The job summary of one operation: the {@link SummarySection}s (state and URL, services and
 * images, the plan, pre-deploy tasks, where the time went, why it failed) as GitHub Markdown,
 * the timeline as a Mermaid gantt chart.
 */
public final class SummaryMarkdown implements SummarySection.Renderer {
    /** The step summary may hold 1 MiB; long evidence lists are cut to their most useful end. */
    private static final int MAX_EVIDENCE_LINES = 200;

    private final StringBuilder out = new StringBuilder();

    private SummaryMarkdown() {
    }

    public static String render(EnvironmentReport report) {
        SummaryMarkdown markdown = new SummaryMarkdown();
        SummarySection.of(report).forEach(section -> section.renderTo(markdown));
        return markdown.out.toString();
    }

    @Override
    public void heading(Heading heading) {
        out.append("## ").append(heading.emoji()).append(' ').append(Markdown.inline(heading.operation())).append(' ')
                .append(Markdown.code(heading.environment())).append(": ").append(heading.state()).append("\n\n");
    }

    @Override
    public void facts(Facts facts) {
        facts.url().ifPresent(url -> out.append("**URL:** ").append(url).append("  \n"));
        facts.took().ifPresent(took -> out.append("**Took:** ").append(Durations.format(took)).append("  \n"));
        facts.runUrl().ifPresent(run -> out.append("**Run:** ").append(Markdown.link("log", run)).append("  \n"));
        out.append('\n');
    }

    @Override
    public void grid(Grid grid) {
        grid.title().ifPresent(title -> out.append("### ").append(title).append("\n\n"));
        out.append('|');
        grid.columns().forEach(column -> out.append(' ').append(Character.toUpperCase(column.charAt(0))).append(column.substring(1)).append(" |"));
        out.append("\n|").append("---|".repeat(grid.columns().size())).append('\n');
        for (List<Cell> row : grid.rows()) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(cell(cell)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    private static String cell(Cell cell) {
        if (cell instanceof Cell.Text text) return Markdown.cell(text.text());
        if (cell instanceof Cell.Code code) return Markdown.codeCell(code.text());
        if (cell instanceof Cell.Result result) return result.ok() ? "✅" : "❌";
        if (cell instanceof Cell.Missing) return "–";
        throw new IllegalArgumentException("no rendering for " + cell);
    }

    @Override
    public void plan(Plan plan) {
        String markdown = plan.plan().markdown();
        if (!markdown.isBlank()) out.append("### ").append(plan.title()).append("\n\n").append(markdown.strip()).append("\n\n");
    }

    @Override
    public void timeline(Timeline timeline) {
        out.append("### ").append(timeline.title()).append("\n\n").append(gantt(timeline.phases()));
    }

    /**
     * A Mermaid gantt chart. Start and end are Unix milliseconds ({@code dateFormat x}), so no
     * date parsing or time zone can shift them; the axis shows wall-clock time.
     */
    static String gantt(List<Phase> phases) {
        StringBuilder chart = new StringBuilder("```mermaid\ngantt\n    dateFormat x\n    axisFormat %H:%M:%S\n    section Phases\n");
        int index = 0;
        for (Phase phase : phases) {
            long start = phase.start().toEpochMilli();
            // A zero-length bar would vanish from the chart; a millisecond keeps it visible and honest.
            long end = Math.max(phase.end().toEpochMilli(), start + 1);
            chart.append("    ").append(ganttName(phase.name())).append(" (").append(Durations.format(phase.duration())).append(")")
                    .append(" : p").append(index++).append(", ").append(start).append(", ").append(end).append('\n');
        }
        return chart.append("```\n\n").toString();
    }

    /** Task names end at ':' and '#' starts a comment in Mermaid; keep names to plain words. */
    private static String ganttName(String name) {
        String plain = name.replaceAll("[:#;\\r\\n`]", " ").strip();
        return plain.isEmpty() ? "phase" : plain;
    }

    @Override
    public void problem(Problem problem) {
        out.append("### ").append(problem.title()).append("\n\n**Step:** ").append(Markdown.inline(problem.step())).append("\n\n")
                .append(Markdown.quote(problem.message())).append('\n');
        for (Evidence evidence : problem.evidence()) {
            List<String> shown = evidence.shown(MAX_EVIDENCE_LINES);
            out.append("<details><summary>").append(evidence.title()).append(" (").append(evidence.lines().size())
                    .append(shown.size() < evidence.lines().size() ? ", trimmed" : "").append(")</summary>\n\n")
                    .append(Markdown.codeBlock("text", shown)).append("\n</details>\n\n");
        }
    }
}
