package dev.adhoc.action.report;

import dev.adhoc.action.report.EnvironmentReport.Phase;
import dev.adhoc.action.report.EnvironmentReport.ServiceRow;
import dev.adhoc.action.report.EnvironmentReport.State;
import dev.adhoc.action.report.EnvironmentReport.TaskResult;
import dev.adhoc.action.runtime.SummaryBlock;
import dev.adhoc.action.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One part of an operation's summary, as values. {@link #of} lists the parts once, in the order
 * they are shown; {@link SummaryMarkdown} (GitHub's job summary) and {@link SummaryText} (a
 * terminal) each render that same list their own way.
 */
sealed interface SummarySection {

    void renderTo(Renderer renderer);

    /** One form of the summary: how it writes each kind of part. */
    interface Renderer {
        void heading(Heading heading);

        void facts(Facts facts);

        void grid(Grid grid);

        void plan(Plan plan);

        void timeline(Timeline timeline);

        void problem(Problem problem);
    }

    /** The parts of one report's summary: heading, facts, services or images, plan, pre-deploy tasks, timeline, failure. */
    static List<SummarySection> of(EnvironmentReport report) {
        List<SummarySection> sections = new ArrayList<>();
        sections.add(new Heading(report.state().emoji(), report.operation(), report.environment(), report.state().label()));
        sections.add(new Facts(report.url(), report.took(), report.runUrl()));
        if (!report.services().isEmpty()) {
            sections.add(Grid.services(report.services()));
        } else if (!report.images().isEmpty()) {
            sections.add(Grid.images(report.images()));
        }
        report.planSummary().ifPresent(plan -> sections.add(new Plan("Plan", plan)));
        if (!report.tasks().isEmpty()) sections.add(Grid.tasks(report.tasks()));
        if (!report.phases().isEmpty()) sections.add(Timeline.of(report.phases()));
        report.failure().ifPresent(failure -> sections.add(Problem.of(report.state(), failure)));
        return sections;
    }

    /** What state the environment is in after which operation: "✅ deploy pr-7: Ready". */
    record Heading(String emoji, String operation, String environment, String state) implements SummarySection {
        @Override
        public void renderTo(Renderer renderer) {
            renderer.heading(this);
        }
    }

    /** Where the environment answers, how long the run took, and the run's log. */
    record Facts(Optional<String> url, Optional<Duration> took, Optional<String> runUrl) implements SummarySection {
        @Override
        public void renderTo(Renderer renderer) {
            renderer.facts(this);
        }
    }

    /** Rows of cells under column names (lower case, as a terminal shows them), with an optional title. */
    record Grid(Optional<String> title, List<String> columns, List<List<Cell>> rows) implements SummarySection {
        public Grid {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** Each service rolled out: its image before and after, the new task-definition revision, how long it took. */
        static Grid services(List<ServiceRow> services) {
            List<List<Cell>> rows = new ArrayList<>();
            for (ServiceRow row : services) {
                rows.add(List.of(new Cell.Text(row.service()),
                        row.oldImage().<Cell>map(Cell.Code::new).orElse(new Cell.Missing()),
                        new Cell.Code(row.newImage()),
                        row.revision() > 0 ? new Cell.Text(row.service() + ":" + row.revision()) : new Cell.Missing(),
                        took(row.took())));
            }
            return new Grid(Optional.empty(), List.of("service", "old image", "new image", "task definition", "took"), rows);
        }

        /** Role → image, when no service was rolled out. */
        static Grid images(Map<String, String> images) {
            List<List<Cell>> rows = new ArrayList<>();
            images.forEach((role, image) -> rows.add(List.of(new Cell.Text(role), new Cell.Code(image))));
            return new Grid(Optional.empty(), List.of("role", "image"), rows);
        }

        static Grid tasks(List<TaskResult> tasks) {
            List<List<Cell>> rows = new ArrayList<>();
            for (TaskResult task : tasks) {
                rows.add(List.of(new Cell.Text(task.family()), new Cell.Result(task.succeeded()), new Cell.Text(Integer.toString(task.exitCode())),
                        took(task.took())));
            }
            return new Grid(Optional.of("Pre-deploy tasks"), List.of("task", "result", "exit code", "took"), rows);
        }

        private static Cell took(Duration took) {
            return new Cell.Text(Durations.format(took));
        }

        @Override
        public void renderTo(Renderer renderer) {
            renderer.grid(this);
        }
    }

    /** What a cell holds; each form shows it its own way (a code span or plain, ✅ or "ok"). */
    sealed interface Cell {
        /** Words or numbers. */
        record Text(String text) implements Cell {
        }

        /** A literal, such as an image reference; blank, it reads as nothing to show. */
        record Code(String text) implements Cell {
        }

        /** Nothing to show. */
        record Missing() implements Cell {
        }

        /** Whether a task succeeded. */
        record Result(boolean ok) implements Cell {
        }
    }

    /** Terraform's plan, already in both forms; the text form starts with its own title line. */
    record Plan(String title, SummaryBlock plan) implements SummarySection {
        @Override
        public void renderTo(Renderer renderer) {
            renderer.plan(this);
        }
    }

    /** Where the time went: the phases of the run on one time axis. */
    record Timeline(String title, List<Phase> phases) implements SummarySection {
        public Timeline {
            phases = List.copyOf(phases);
        }

        static Timeline of(List<Phase> phases) {
            return new Timeline("Where the time went", phases);
        }

        @Override
        public void renderTo(Renderer renderer) {
            renderer.timeline(this);
        }
    }

    /** Why the operation failed, or where a cancelled one stopped, with the evidence ECS gave. */
    record Problem(String title, String step, String message, List<Evidence> evidence) implements SummarySection {
        public Problem {
            evidence = evidence.stream().filter(e -> !e.lines().isEmpty()).toList();
        }

        static Problem of(State state, EnvironmentReport.Failure failure) {
            return new Problem(title(state), failure.step(), failure.message(), List.of(
                    new Evidence("Service events", failure.serviceEvents(), false),
                    new Evidence("Stopped tasks", failure.stoppedTaskReasons(), false),
                    new Evidence("Last log lines", failure.lastLogLines(), true)));
        }

        /** What the part is called: a cancelled run stopped somewhere, any other failed. */
        static String title(State state) {
            return state == State.CANCELLED ? "Where it stopped" : "Why it failed";
        }

        @Override
        public void renderTo(Renderer renderer) {
            renderer.problem(this);
        }
    }

    /** A list of evidence; cut to fit, it keeps its beginning, or its end when {@code keepTail} (the last log lines). */
    record Evidence(String title, List<String> lines, boolean keepTail) {
        public Evidence {
            lines = List.copyOf(lines);
        }

        /** At most {@code max} lines, from the end that matters. */
        List<String> shown(int max) {
            if (lines.size() <= max) return lines;
            return keepTail ? lines.subList(lines.size() - max, lines.size()) : lines.subList(0, max);
        }
    }
}
