package dev.adhoc.action.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project's Dockerfile read as instructions (continuation lines joined, comments dropped), per stage. */
record Dockerfile(List<Stage> stages, Map<String, String> globalArgs) {

    record Instruction(String keyword, String arguments) { }

    record Stage(String from, String name, List<Instruction> instructions) {
        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        String last(String keyword) {
            List<String> values = all(keyword);
            return values.isEmpty() ? null : values.get(values.size() - 1);
        }

        /** ENV in the KEY=VALUE form, every pair of every ENV instruction. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            for (String arguments : all("ENV")) {
                for (String pair : arguments.trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) throw new IllegalArgumentException("ENV must be KEY=VALUE pairs: " + arguments);
                    env.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
                }
            }
            return env;
        }

        /** ENTRYPOINT in its exec (JSON array) form. */
        List<String> entrypoint() throws IOException {
            String json = last("ENTRYPOINT");
            if (json == null || !json.startsWith("[")) throw new IllegalArgumentException("ENTRYPOINT must be a JSON array");
            return Arrays.asList(new ObjectMapper().readValue(json, String[].class));
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) continue;
            if (!current.isEmpty() && trimmed.startsWith("#")) continue;
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) continue;
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(java.util.Locale.ROOT), text.substring(space + 1).strip()));
        }
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        Stage stage = null;
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().split("\\s+");
                stage = new Stage(words[0], words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null, new ArrayList<>());
                stages.add(stage);
            } else if (stage == null) {
                if (!instruction.keyword().equals("ARG")) throw new IllegalArgumentException("before FROM: " + instruction);
                String[] pair = instruction.arguments().split("=", 2);
                globalArgs.put(pair[0], pair.length > 1 ? unquote(pair[1]) : null);
            } else {
                stage.instructions().add(instruction);
            }
        }
        return new Dockerfile(stages, globalArgs);
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
