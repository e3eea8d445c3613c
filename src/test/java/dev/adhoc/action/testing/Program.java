package dev.adhoc.action.testing;

import dev.adhoc.action.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the program in-process as GitHub would run the action (GITHUB_ACTIONS=true, inputs as
 * INPUT_* variables, outputs and summary to files) or as the CLI, and captures what it printed.
 */
public final class Program {
    /** The process environment the program is started with. */
    private final Map<String, String> processEnvironment = new HashMap<>();
    private final Path workDir;
    private Clock clock = Clock.systemUTC();

    public Program(Path workDir, Map<String, String> baseEnvironment) {
        this.workDir = workDir;
        processEnvironment.putAll(baseEnvironment);
    }

    public record Result(int exitCode, String log, Map<String, String> outputs, String summary) {
        public String output(String name) {
            return outputs.get(name);
        }
    }

    /** The clock the program reads "now" from (for ages and timestamps); the system clock unless set. */
    public Program clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public Program env(String name, String value) {
        processEnvironment.put(name, value);
        return this;
    }

    /** GitHub Action mode: {@code inputs} become INPUT_<NAME> variables. */
    public Result action(Map<String, String> inputs) {
        try {
            Path outputFile = Files.createTempFile(workDir, "output", ".txt");
            Path summaryFile = Files.createTempFile(workDir, "summary", ".md");
            Map<String, String> env = new HashMap<>(processEnvironment);
            env.put("GITHUB_ACTIONS", "true");
            env.put("GITHUB_OUTPUT", outputFile.toString());
            env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
            inputs.forEach((k, v) -> env.put("INPUT_" + k.toUpperCase(java.util.Locale.ROOT), v));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = new Main(env, new PrintStream(bytes, true, StandardCharsets.UTF_8), workDir, clock).run(new String[0]);
            return new Result(code, bytes.toString(StandardCharsets.UTF_8), parseOutputs(Files.readString(outputFile)),
                    Files.readString(summaryFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CLI mode. */
    public Result cli(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(processEnvironment);
        env.remove("GITHUB_ACTIONS");
        int code = new Main(env, new PrintStream(bytes, true, StandardCharsets.UTF_8), workDir, clock).run(args);
        return new Result(code, bytes.toString(StandardCharsets.UTF_8), Map.of(), "");
    }

    /** Reads GITHUB_OUTPUT's {@code name<<DELIMITER ... DELIMITER} entries. */
    static Map<String, String> parseOutputs(String text) {
        Map<String, String> outputs = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int marker = lines[i].indexOf("<<");
            if (marker < 0) continue;
            String name = lines[i].substring(0, marker);
            String delimiter = lines[i].substring(marker + 2);
            StringBuilder value = new StringBuilder();
            for (i++; i < lines.length && !lines[i].equals(delimiter); i++) {
                if (value.length() > 0) value.append('\n');
                value.append(lines[i]);
            }
            outputs.put(name, value.toString());
        }
        return outputs;
    }
}
