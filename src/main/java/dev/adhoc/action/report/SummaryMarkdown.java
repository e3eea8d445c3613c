package dev.adhoc.action.report;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.Phase;
import dev.adhoc.action.report.EnvironmentReport.ServiceRow;
import dev.adhoc.action.report.EnvironmentReport.TaskResult;
import dev.adhoc.action.text.Markdown;
import java.util.List;
import java.util.Map;

/**
 * The job summary of one operation: state and URL, services and images, the plan, pre-deploy
 * tasks, a Mermaid gantt chart of where the time went, and on failure why.
 */
public final class SummaryMarkdown {
    /** The step summary may hold 1 MiB; long evidence lists are cut to their most useful end. */
    private static final int MAX_EVIDENCE_LINES = 200;

    private SummaryMarkdown() {
    }

    public static String render(EnvironmentReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.state().emoji()).append(' ').append(Markdown.inline(report.operation())).append(' ')
                .append(Markdown.code(report.environment())).append(": ").append(report.state().label()).append("\n\n");
        report.url().ifPresent(url -> out.append("**URL:** ").append(url).append("  \n"));
        report.took().ifPresent(took -> out.append("**Took:** ").append(Markdown.duration(took)).append("  \n"));
        report.runUrl().ifPresent(run -> out.append("**Run:** ").append(Markdown.link("log", run)).append("  \n"));
        out.append('\n');
        services(report, out);
        report.planSummary().map(SummaryBlock::markdown).filter(p -> !p.isBlank()).ifPresent(plan -> out.append("### Plan\n\n").append(plan.strip()).append("\n\n"));
        tasks(report.tasks(), out);
        out.append(gantt(report.phases()));
        report.failure().ifPresent(failure -> failure(report.state(), failure, out));
        return out.toString();
    }

    private static void services(EnvironmentReport report, StringBuilder out) {
        if (!report.services().isEmpty()) {
            out.append("| Service | Old image | New image | Task definition | Took |\n|---|---|---|---|---|\n");
            for (ServiceRow row : report.services()) {
                out.append("| ").append(Markdown.cell(row.service()))
                        .append(" | ").append(row.oldImage().map(Markdown::codeCell).orElse("–"))
                        .append(" | ").append(Markdown.codeCell(row.newImage()))
                        .append(" | ").append(row.revision() > 0 ? Markdown.cell(row.service() + ":" + row.revision()) : "–")
                        .append(" | ").append(Markdown.duration(row.took())).append(" |\n");
            }
            out.append('\n');
        } else if (!report.images().isEmpty()) {
            out.append("| Role | Image |\n|---|---|\n");
            for (Map.Entry<String, String> image : report.images().entrySet()) {
                out.append("| ").append(Markdown.cell(image.getKey())).append(" | ").append(Markdown.codeCell(image.getValue())).append(" |\n");
            }
            out.append('\n');
        }
    }

    private static void tasks(List<TaskResult> tasks, StringBuilder out) {
        if (tasks.isEmpty()) return;
        out.append("### Pre-deploy tasks\n\n| Task | Result | Exit code | Took |\n|---|---|---|---|\n");
        for (TaskResult task : tasks) {
            out.append("| ").append(Markdown.cell(task.family())).append(" | ").append(task.succeeded() ? "✅" : "❌")
                    .append(" | ").append(task.exitCode()).append(" | ").append(Markdown.duration(task.took())).append(" |\n");
        }
        out.append('\n');
    }

    /**
     * A Mermaid gantt chart. Start and end are Unix milliseconds ({@code dateFormat x}), so no
     * date parsing or time zone can shift them; the axis shows wall-clock time.
     */
    static String gantt(List<Phase> phases) {
        if (phases.isEmpty()) return "";
        StringBuilder out = new StringBuilder("### Where the time went\n\n```mermaid\ngantt\n    dateFormat x\n    axisFormat %H:%M:%S\n    section Phases\n");
        int index = 0;
        for (Phase phase : phases) {
            long start = phase.start().toEpochMilli();
            // A zero-length bar would vanish from the chart; a millisecond keeps it visible and honest.
            long end = Math.max(phase.end().toEpochMilli(), start + 1);
            out.append("    ").append(ganttName(phase.name())).append(" (").append(Markdown.duration(phase.duration())).append(")")
                    .append(" : p").append(index++).append(", ").append(start).append(", ").append(end).append('\n');
        }
        return out.append("```\n\n").toString();
    }

    /** Task names end at ':' and '#' starts a comment in Mermaid; keep names to plain words. */
    private static String ganttName(String name) {
        String plain = name.replaceAll("[:#;\\r\\n`]", " ").strip();
        return plain.isEmpty() ? "phase" : plain;
    }

    private static void failure(EnvironmentReport.State state, Failure failure, StringBuilder out) {
        out.append(state == EnvironmentReport.State.CANCELLED ? "### Where it stopped\n\n**Step:** " : "### Why it failed\n\n**Step:** ").append(Markdown.inline(failure.step())).append("\n\n")
                .append(Markdown.quote(failure.message())).append('\n');
        evidence("Service events", failure.serviceEvents(), false, out);
        evidence("Stopped tasks", failure.stoppedTaskReasons(), false, out);
        evidence("Last log lines", failure.lastLogLines(), true, out);
    }

    private static void evidence(String title, List<String> lines, boolean keepTail, StringBuilder out) {
        if (lines.isEmpty()) return;
        List<String> shown = lines.size() <= MAX_EVIDENCE_LINES ? lines
                : keepTail ? lines.subList(lines.size() - MAX_EVIDENCE_LINES, lines.size()) : lines.subList(0, MAX_EVIDENCE_LINES);
        out.append("<details><summary>").append(title).append(" (").append(lines.size()).append(shown.size() < lines.size() ? ", trimmed" : "")
                .append(")</summary>\n\n").append(Markdown.codeBlock("text", shown)).append("\n</details>\n\n");
    }
}
