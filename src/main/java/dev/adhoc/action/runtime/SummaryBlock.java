package dev.adhoc.action.runtime;

/**
 * One part of the run's summary in its two forms, made from the same data: Markdown for GitHub's
 * job summary, plain text for a terminal (a person, or a CI other than GitHub Actions). The text
 * may be empty when the log has already shown the same thing.
 */
public record SummaryBlock(String markdown, String text) {
    public SummaryBlock {
        markdown = markdown == null ? "" : markdown;
        text = text == null ? "" : text;
    }
}
