package dev.adhoc.action.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The job summary (Markdown). In GitHub Actions it is appended to {@code $GITHUB_STEP_SUMMARY};
 * on the CLI the collected Markdown is printed at the end of the run, where it reads as text.
 */
public final class JobSummary {
    private final Optional<Path> file;
    private final StringBuilder markdown = new StringBuilder();

    public JobSummary(Optional<Path> file) {
        this.file = file;
    }

    public synchronized void append(String text) {
        String block = text.endsWith("\n") ? text : text + "\n";
        markdown.append(block);
        file.ifPresent(path -> {
            try {
                Files.writeString(path, block, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the job summary to " + path, e);
            }
        });
    }

    public synchronized String markdown() {
        return markdown.toString();
    }
}
