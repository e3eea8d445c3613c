package dev.adhoc.action.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The run's summary. Every part comes in two forms: the Markdown is appended to
 * {@code $GITHUB_STEP_SUMMARY} (GitHub renders it, Mermaid charts included); the plain text is
 * what a terminal shows at the end of a CLI run, so no one reads Markdown source.
 */
public final class JobSummary {
    private final Optional<Path> file;
    private final StringBuilder markdown = new StringBuilder();
    private final StringBuilder text = new StringBuilder();

    public JobSummary(Optional<Path> file) {
        this.file = file;
    }

    public synchronized void append(SummaryBlock block) {
        String markdownBlock = endingInNewline(block.markdown());
        markdown.append(markdownBlock);
        if (!block.text().isBlank()) {
            if (text.length() > 0) text.append('\n');
            text.append(endingInNewline(block.text()));
        }
        file.ifPresent(path -> {
            try {
                Files.writeString(path, markdownBlock, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the job summary to " + path, e);
            }
        });
    }

    /** Everything appended, as GitHub's job summary holds it. */
    public synchronized String markdown() {
        return markdown.toString();
    }

    /** Everything appended, as a terminal shows it: plain text, parts separated by a blank line. */
    public synchronized String text() {
        return text.toString();
    }

    private static String endingInNewline(String block) {
        return block.endsWith("\n") ? block : block + "\n";
    }
}
