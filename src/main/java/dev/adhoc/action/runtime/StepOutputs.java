package dev.adhoc.action.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Step outputs. In GitHub Actions they are appended to {@code $GITHUB_OUTPUT} in the
 * multi-line-safe heredoc form; the values are also kept so the CLI can print them.
 */
public final class StepOutputs {
    private final Optional<Path> file;
    private final Map<String, String> values = new LinkedHashMap<>();

    public StepOutputs(Optional<Path> file) {
        this.file = file;
    }

    public synchronized void set(String name, String value) {
        String text = value == null ? "" : value;
        values.put(name, text);
        file.ifPresent(path -> append(path, name, text));
    }

    public synchronized Map<String, String> values() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static void append(Path path, String name, String value) {
        String delimiter = "ghadelimiter_" + UUID.randomUUID();
        String entry = name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
        try {
            Files.writeString(path, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write step output to " + path, e);
        }
    }
}
