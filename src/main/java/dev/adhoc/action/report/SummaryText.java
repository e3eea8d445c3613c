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
import dev.adhoc.action.text.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The summary of one operation as a terminal shows it: the same {@link SummarySection}s as
 * {@link SummaryMarkdown}, as aligned plain text with the timeline drawn as bars.
 */
public final class SummaryText implements SummarySection.Renderer {
    /** Width of the timeline's bars: the whole run spans this many characters. */
    static final int CHART_WIDTH = 40;
    /** A terminal shows the end of long evidence; the full lists are in the log above it. */
    private static final int MAX_EVIDENCE_LINES = 20;

    private final StringBuilder out = new StringBuilder();

    private SummaryText() {
    }

    public static String render(EnvironmentReport report) {
        SummaryText text = new SummaryText();
        SummarySection.of(report).forEach(section -> section.renderTo(text));
        return text.out.toString();
    }

    @Override
    public void heading(Heading heading) {
        out.append(heading.emoji()).append(' ').append(heading.operation()).append(' ').append(heading.environment()).append(": ")
                .append(heading.state()).append('\n');
    }

    @Override
    public void facts(Facts facts) {
        facts.url().ifPresent(url -> out.append("URL:  ").append(url).append('\n'));
        facts.took().ifPresent(took -> out.append("Took: ").append(Durations.format(took)).append('\n'));
        facts.runUrl().ifPresent(run -> out.append("Run:  ").append(run).append('\n'));
    }

    @Override
    public void grid(Grid grid) {
        Table table = new Table(grid.columns().toArray(String[]::new));
        for (List<Cell> row : grid.rows()) table.row(row.stream().map(SummaryText::cell).toArray(String[]::new));
        section(grid.title(), table);
    }

    private static String cell(Cell cell) {
        if (cell instanceof Cell.Text text) return oneLine(text.text());
        if (cell instanceof Cell.Code code) return code.text() == null || code.text().isBlank() ? "-" : oneLine(code.text());
        if (cell instanceof Cell.Result result) return result.ok() ? "ok" : "failed";
        if (cell instanceof Cell.Missing) return "-";
        throw new IllegalArgumentException("no rendering for " + cell);
    }

    /** The plan's text starts with its own title line, so the section's title is not repeated. */
    @Override
    public void plan(Plan plan) {
        String text = plan.plan().text();
        if (!text.isBlank()) out.append('\n').append(text.strip()).append('\n');
    }

    @Override
    public void timeline(Timeline timeline) {
        section(Optional.of(timeline.title()), bars(timeline.phases()));
    }

    /**
     * One row per phase with its start (offset from the first phase), its duration and a bar
     * placed on a common time axis, so overlaps and gaps show as they happened.
     */
    private static Table bars(List<Phase> phases) {
        Instant first = phases.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
        Instant last = phases.stream().map(Phase::end).max(Instant::compareTo).orElseThrow();
        long span = Math.max(1, Duration.between(first, last).toMillis());
        Table table = new Table("step", "start", "took", "timeline");
        for (Phase phase : phases) {
            long from = Math.max(0, Duration.between(first, phase.start()).toMillis());
            int offset = (int) Math.min(CHART_WIDTH - 1, from * CHART_WIDTH / span);
            // Every phase gets at least one mark, so a short one stays visible on the axis.
            int length = (int) Math.max(1, Math.round(phase.duration().toMillis() * (double) CHART_WIDTH / span));
            length = Math.min(length, CHART_WIDTH - offset);
            table.row(oneLine(phase.name()), "+" + Durations.format(Duration.ofMillis(from)), Durations.format(phase.duration()),
                    "|" + " ".repeat(offset) + "█".repeat(length) + " ".repeat(CHART_WIDTH - offset - length) + "|");
        }
        return table;
    }

    @Override
    public void problem(Problem problem) {
        out.append('\n').append(problem.title()).append("\nStep: ").append(problem.step()).append('\n');
        problem.message().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        for (Evidence evidence : problem.evidence()) {
            List<String> shown = evidence.shown(MAX_EVIDENCE_LINES);
            int all = evidence.lines().size();
            out.append('\n').append(evidence.title()).append(" (").append(all)
                    .append(shown.size() < all ? ", " + (evidence.keepTail() ? "last " : "first ") + shown.size() + " shown" : "").append("):\n");
            shown.forEach(line -> out.append("  ").append(line).append('\n'));
        }
    }

    private void section(Optional<String> title, Table table) {
        out.append('\n');
        title.ifPresent(t -> out.append(t).append('\n'));
        table.text().forEach(line -> out.append(line).append('\n'));
    }

    /** A cell is one line, or the columns would no longer line up. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }
}
