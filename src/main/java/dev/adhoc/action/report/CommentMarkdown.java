package dev.adhoc.action.report;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.State;
import dev.adhoc.action.report.EnvironmentReport.TaskResult;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.text.Markdown;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The body of the one pull-request comment per environment. It starts with a hidden marker
 * so later runs find and edit it, and stays below GitHub's 65,536-character limit by cutting
 * the bulkiest evidence first.
 */
public final class CommentMarkdown {
    /** GitHub's limit is 65,536 characters; counting UTF-8 bytes against a lower budget is safe whatever GitHub counts. */
    public static final int MAX_BYTES = 65_000;
    private static final int MAX_LINE = 1_000;
    private static final String TRIMMED = "(trimmed)";

    private CommentMarkdown() {
    }

    /** {@code <!-- adhoc-action:environment=<name> -->}: one comment per environment per pull request. */
    public static String marker(String environment) {
        return "<!-- adhoc-action:environment=" + environment + " -->";
    }

    public static String render(EnvironmentReport report) {
        if (report.state() == State.DESTROYED) return destroyed(report);
        Evidence evidence = Evidence.of(report.failure());
        while (true) {
            String body = body(report, evidence);
            if (fits(body)) return body;
            if (!evidence.canShrink()) return minimal(report);
            evidence = evidence.shrink();
        }
    }

    private static String destroyed(EnvironmentReport report) {
        StringBuilder out = new StringBuilder(marker(report.environment())).append('\n');
        out.append("### ").append(State.DESTROYED.emoji()).append(" Environment ").append(Markdown.code(report.environment()))
                .append(" was destroyed\n\n");
        out.append("Its services, database and URL are gone.");
        report.runUrl().ifPresent(run -> out.append(" ").append(Markdown.link("Run", run)).append('.'));
        out.append('\n');
        return out.toString();
    }

    private static String body(EnvironmentReport report, Evidence evidence) {
        StringBuilder out = new StringBuilder(heading(report));
        out.append("| | |\n|---|---|\n");
        row(out, "Environment", Markdown.codeCell(report.environment()));
        row(out, "State", report.state().emoji() + " " + report.state().label());
        row(out, "Operation", Markdown.cell(report.operation()));
        if (!report.images().isEmpty()) row(out, "Images", images(report.images()));
        if (!report.tasks().isEmpty()) row(out, "Migrations", tasks(report.tasks()));
        report.took().ifPresent(took -> row(out, "Took", Durations.format(took)));
        report.runUrl().ifPresent(run -> row(out, "Run", Markdown.link("log", run)));
        out.append('\n');
        // Useful while it runs and while debugging a failure; a stopped environment has no task to open.
        if (report.state() == State.READY || report.state() == State.FAILED) {
            report.shellCommand().ifPresent(command -> out.append("Open a Django shell:\n\n")
                    .append(Markdown.codeBlock("sh", List.of(command))).append('\n'));
        }
        report.failure().ifPresent(failure -> failure(report.state(), failure, evidence, out));
        return out.toString();
    }

    /** The part that must survive any trimming: marker, state and URL. */
    private static String heading(EnvironmentReport report) {
        StringBuilder out = new StringBuilder(marker(report.environment())).append('\n');
        out.append("### ").append(report.state().emoji()).append(' ').append(Markdown.code(report.environment())).append(": ")
                .append(report.state().label()).append("\n\n");
        report.url().ifPresent(url -> out.append("**URL:** ").append(url).append("\n\n"));
        return out.toString();
    }

    private static String minimal(EnvironmentReport report) {
        StringBuilder out = new StringBuilder(heading(report));
        report.runUrl().ifPresent(run -> out.append("See the ").append(Markdown.link("run", run)).append(" for details. "));
        out.append(TRIMMED).append('\n');
        String body = out.toString();
        // Only a huge URL or name could still be too long; cut the text, never the marker.
        while (!fits(body)) body = body.substring(0, body.length() / 2) + "\n" + TRIMMED + "\n";
        return body;
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String images(Map<String, String> images) {
        StringBuilder cell = new StringBuilder();
        images.forEach((role, image) -> cell.append(cell.length() == 0 ? "" : "<br>").append(Markdown.cell(role)).append(' ')
                .append(Markdown.codeCell(image)));
        return cell.toString();
    }

    private static String tasks(List<TaskResult> tasks) {
        StringBuilder cell = new StringBuilder();
        for (TaskResult task : tasks) {
            cell.append(cell.length() == 0 ? "" : "<br>").append(task.succeeded() ? "✅ " : "❌ ").append(Markdown.codeCell(task.family()))
                    .append(" exited ").append(task.exitCode()).append(" after ").append(Durations.format(task.took()));
        }
        return cell.toString();
    }

    private static void failure(State state, Failure failure, Evidence evidence, StringBuilder out) {
        out.append("#### ").append(SummarySection.Problem.title(state)).append("\n\n**Step:** ").append(Markdown.inline(failure.step())).append("\n\n")
                .append(Markdown.quote(evidence.shownMessage())).append('\n');
        details(out, "Service events", evidence.events(), failure.serviceEvents().size());
        details(out, "Stopped tasks", evidence.reasons(), failure.stoppedTaskReasons().size());
        details(out, "Last log lines", evidence.logLines(), failure.lastLogLines().size());
    }

    private static void details(StringBuilder out, String title, List<String> shown, int total) {
        if (total == 0) return;
        out.append("<details><summary>").append(title).append(shown.size() < total ? " " + TRIMMED : "").append("</summary>\n\n");
        if (shown.size() < total) {
            out.append((total - shown.size()) + " of " + total + " lines not shown; the run's log has them all.\n\n");
        }
        if (!shown.isEmpty()) out.append(Markdown.codeBlock("text", shown));
        out.append("\n</details>\n\n");
    }

    private static boolean fits(String body) {
        return body.length() <= MAX_BYTES && body.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * What of the failure's evidence is shown. Shrinking cuts the bulkiest part by a quarter: the newest
     * events and the last log lines are kept, the message keeps its beginning.
     */
    private record Evidence(String message, boolean messageCut, List<String> events, List<String> reasons, List<String> logLines) {
        private static final int MIN_MESSAGE = 200;

        static Evidence of(java.util.Optional<Failure> failure) {
            return failure.map(f -> new Evidence(f.message(), false, capped(f.serviceEvents()), capped(f.stoppedTaskReasons()),
                    capped(f.lastLogLines()))).orElse(new Evidence("", false, List.of(), List.of(), List.of()));
        }

        String shownMessage() {
            return messageCut ? message + " … " + TRIMMED : message;
        }

        boolean canShrink() {
            return !events.isEmpty() || !reasons.isEmpty() || !logLines.isEmpty() || message.length() > MIN_MESSAGE;
        }

        Evidence shrink() {
            int m = message.length() > MIN_MESSAGE ? message.length() : 0;
            int e = size(events), r = size(reasons), l = size(logLines);
            int most = Math.max(Math.max(m, e), Math.max(r, l));
            if (most == l) return new Evidence(message, messageCut, events, reasons, logLines.subList(logLines.size() - keep(logLines.size()), logLines.size()));
            if (most == e) return new Evidence(message, messageCut, events.subList(0, keep(events.size())), reasons, logLines);
            if (most == r) return new Evidence(message, messageCut, events, reasons.subList(0, keep(reasons.size())), logLines);
            return new Evidence(message.substring(0, Math.max(MIN_MESSAGE, keep(message.length()))), true, events, reasons, logLines);
        }

        /** A quarter less each step: few renders, and little more cut than needed. */
        private static int keep(int size) {
            return size - Math.max(1, size / 4);
        }

        /** Characters plus a line break each, so that a list of empty lines still counts and shrinks. */
        private static int size(List<String> lines) {
            return lines.stream().mapToInt(line -> line.length() + 1).sum();
        }

        /** A single giant line (a minified stack trace) is cut so that halving lists can make progress. */
        private static List<String> capped(List<String> lines) {
            return lines.stream().map(line -> line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + " … " + TRIMMED).toList();
        }
    }
}
