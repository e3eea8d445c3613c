package dev.adhoc.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.runtime.SummaryBlock;
import dev.adhoc.action.report.SummarySection.Cell;
import dev.adhoc.action.report.SummarySection.Facts;
import dev.adhoc.action.report.SummarySection.Grid;
import dev.adhoc.action.report.SummarySection.Heading;
import dev.adhoc.action.report.SummarySection.Plan;
import dev.adhoc.action.report.SummarySection.Problem;
import dev.adhoc.action.report.SummarySection.Timeline;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummarySectionTest {
    private static final EnvironmentReport FAILED_WITH_PLAN = Reports.failed(new Failure("rollout", "Service pr-7-web did not stabilize",
            List.of("(service pr-7-web) has started 1 tasks"), List.of(), List.of("ImportError: no module named shop")))
            .toBuilder().planSummary(new SummaryBlock("**Plan:** 3 to add", "Plan applied to pr-7\nPlan: 3 to add\n")).build();

    @Test
    void listsEachPartOnceInTheOrderShown() {
        List<SummarySection> sections = SummarySection.of(FAILED_WITH_PLAN);

        assertThat(sections).extracting(s -> (Class) s.getClass())
                .containsExactly(Heading.class, Facts.class, Grid.class, Plan.class, Grid.class, Timeline.class, Problem.class);
        assertThat(sections.get(0)).isEqualTo(new Heading("❌", "deploy", "pr-7", "Failed"));
        assertThat(((Grid) sections.get(2)).columns()).containsExactly("service", "old image", "new image", "task definition", "took");
        assertThat(((Grid) sections.get(2)).rows().get(1).get(1)).isEqualTo(new Cell.Missing());
        assertThat(((Grid) sections.get(4)).title()).contains("Pre-deploy tasks");
        Problem problem = (Problem) sections.get(6);
        assertThat(problem.title()).isEqualTo("Why it failed");
        // An empty list of evidence is no part of the summary.
        assertThat(problem.evidence()).extracting(SummarySection.Evidence::title).containsExactly("Service events", "Last log lines");
    }

    @Test
    void withoutServicesTheImagesAreTabledAndANewReportHasOnlyItsHeadingAndFacts() {
        List<SummarySection> images = SummarySection.of(Reports.ready().toBuilder().services(List.of()).build());
        assertThat(images).filteredOn(Grid.class::isInstance).first().extracting(s -> ((Grid) s).columns()).isEqualTo(List.of("role", "image"));

        assertThat(SummarySection.of(EnvironmentReport.start("pr-7", "create", Reports.T0)))
                .containsExactly(new Heading("⏳", "create", "pr-7", "Deploying"), new Facts(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void bothFormsShowTheTitledPartsInTheSameOrder() {
        String markdown = SummaryMarkdown.render(FAILED_WITH_PLAN);
        String text = SummaryText.render(FAILED_WITH_PLAN);

        List<String> titles = List.of("Pre-deploy tasks", "Where the time went", "Why it failed");
        assertThat(titles).extracting(title -> markdown.indexOf("\n### " + title + "\n")).isSorted().doesNotContain(-1);
        assertThat(titles).extracting(title -> text.indexOf("\n" + title + "\n")).isSorted().doesNotContain(-1);
        // The plan's text brings its own title line; Markdown puts it under a heading of its own.
        assertThat(markdown).contains("### Plan\n\n**Plan:** 3 to add\n");
        assertThat(text).contains("\nPlan applied to pr-7\nPlan: 3 to add\n").doesNotContain("\nPlan\n");
    }

    @Test
    void evidenceCutToFitKeepsTheEndThatMatters() {
        List<String> lines = IntStream.rangeClosed(1, 5).mapToObj(i -> "line " + i).toList();
        assertThat(new SummarySection.Evidence("Last log lines", lines, true).shown(2)).containsExactly("line 4", "line 5");
        assertThat(new SummarySection.Evidence("Service events", lines, false).shown(2)).containsExactly("line 1", "line 2");
        assertThat(new SummarySection.Evidence("Service events", lines, false).shown(5)).isEqualTo(lines);
    }
}
