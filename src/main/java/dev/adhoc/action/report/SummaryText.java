package dev.adhoc.action.report;

import dev.adhoc.action.text.Durations;
import dev.adhoc.action.text.Table;
import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.Phase;
import dev.adhoc.action.report.EnvironmentReport.ServiceRow;
import dev.adhoc.action.report.EnvironmentReport.TaskResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The summary of one operation as a terminal shows it: the same parts as {@link SummaryMarkdown}
 * (state and URL, services and images, the plan, pre-deploy tasks, where the time went, why it
 * failed), as aligned plain text with the timeline drawn as bars.
 */
public final class SummaryText {
    /** Width of the timeline's bars: the whole run spans this many characters. */
    static final int CHART_WIDTH = 40;
    /** A terminal shows the end of long evidence; the full lists are in the log above it. */
    private static final int MAX_EVIDENCE_LINES = 20;

    private SummaryText() {
    }

    public static String render(EnvironmentReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.state().emoji()).append(' ').append(report.operation()).append(' ').append(report.environment()).append(": ")
                .append(report.state().label()).append('\n');
        report.url().ifPresent(url -> out.append("URL:  ").append(url).append('\n'));
        report.took().ifPresent(took -> out.append("Took: ").append(Durations.format(took)).append('\n'));
        report.runUrl().ifPresent(run -> out.append("Run:  ").append(run).append('\n'));
        services(report, out);
        report.planSummary().map(SummaryBlock::text).filter(p -> !p.isBlank()).ifPresent(plan -> out.append('\n').append(plan.strip()).append('\n'));
        tasks(report.tasks(), out);
        out.append(timeline(report.phases()));
        report.failure().ifPresent(failure -> failure(report.state(), failure, out));
        return out.toString();
    }

    private static void services(EnvironmentReport report, StringBuilder out) {
        if (!report.services().isEmpty()) {
            Table table = new Table("service", "old image", "new image", "task definition", "took");
            for (ServiceRow row : report.services()) {
                table.row(oneLine(row.service()), row.oldImage().map(SummaryText::oneLine).orElse("-"), orDash(row.newImage()),
                        row.revision() > 0 ? oneLine(row.service()) + ":" + row.revision() : "-", Durations.format(row.took()));
            }
            section(null, table, out);
        } else if (!report.images().isEmpty()) {
            Table table = new Table("role", "image");
            for (Map.Entry<String, String> image : report.images().entrySet()) table.row(oneLine(image.getKey()), oneLine(image.getValue()));
            section(null, table, out);
        }
    }

    private static void tasks(List<TaskResult> tasks, StringBuilder out) {
        if (tasks.isEmpty()) return;
        Table table = new Table("task", "result", "exit code", "took");
        for (TaskResult task : tasks) {
            table.row(oneLine(task.family()), task.succeeded() ? "ok" : "failed", Integer.toString(task.exitCode()),
                    Durations.format(task.took()));
        }
        section("Pre-deploy tasks", table, out);
    }

    /**
     * Where the time went: one row per phase with its start (offset from the first phase), its
     * duration and a bar placed on a common time axis, so overlaps and gaps show as they happened.
     */
    static String timeline(List<Phase> phases) {
        if (phases.isEmpty()) return "";
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
        StringBuilder out = new StringBuilder();
        section("Where the time went", table, out);
        return out.toString();
    }

    private static void failure(EnvironmentReport.State state, Failure failure, StringBuilder out) {
        out.append(state == EnvironmentReport.State.CANCELLED ? "\nWhere it stopped\nStep: " : "\nWhy it failed\nStep: ").append(failure.step()).append('\n');
        failure.message().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        evidence("Service events", failure.serviceEvents(), false, out);
        evidence("Stopped tasks", failure.stoppedTaskReasons(), false, out);
        evidence("Last log lines", failure.lastLogLines(), true, out);
    }

    private static void evidence(String title, List<String> lines, boolean keepTail, StringBuilder out) {
        if (lines.isEmpty()) return;
        List<String> shown = lines.size() <= MAX_EVIDENCE_LINES ? lines
                : keepTail ? lines.subList(lines.size() - MAX_EVIDENCE_LINES, lines.size()) : lines.subList(0, MAX_EVIDENCE_LINES);
        out.append('\n').append(title).append(" (").append(lines.size())
                .append(shown.size() < lines.size() ? ", " + (keepTail ? "last " : "first ") + shown.size() + " shown" : "").append("):\n");
        shown.forEach(line -> out.append("  ").append(line).append('\n'));
    }

    private static void section(String title, Table table, StringBuilder out) {
        out.append('\n');
        if (title != null) out.append(title).append('\n');
        table.text().forEach(line -> out.append(line).append('\n'));
    }

    /** An empty cell reads as a gap in the table; a dash says there is nothing to show. */
    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : oneLine(text);
    }

    /** A cell is one line, or the columns would no longer line up. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }
}
