package dev.adhoc.action.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for action.yml in the one regular form the project keeps it in, so no YAML library
 * is needed:
 * <pre>
 * key: "scalar"              top-level scalars (name, description, author)
 * section:                   top-level mappings (branding, inputs, outputs, runs)
 *   key: "scalar"            ... of scalars (branding, runs), or
 *   entry:                   ... of entries (inputs, outputs)
 *     property: "scalar"     each with scalar properties (description, required, default)
 * </pre>
 * Scalars are double-quoted (backslash escapes {@code \\} and {@code \"}) or plain words such as
 * {@code false}. Comments and blank lines are skipped; any other line is an error naming it.
 */
record ActionMetadata(Map<String, String> scalars, Map<String, Map<String, String>> sections,
                      Map<String, Map<String, Map<String, String>>> entries) {

    static ActionMetadata read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static ActionMetadata parse(List<String> lines) {
        Map<String, String> scalars = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> entries = new LinkedHashMap<>();
        String section = null;
        String entry = null;
        int number = 0;
        for (String line : lines) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            int indent = line.indexOf(trimmed.charAt(0));
            int colon = keyEnd(trimmed, number, line);
            String key = trimmed.substring(0, colon);
            String rest = trimmed.substring(colon + 1).strip();
            switch (indent) {
                case 0 -> {
                    entry = null;
                    if (rest.isEmpty()) {
                        section = key;
                    } else {
                        section = null;
                        scalars.put(key, scalar(rest, number, line));
                    }
                }
                case 2 -> {
                    if (section == null) throw bad(number, line, "indented line outside a section");
                    if (rest.isEmpty()) {
                        entry = key;
                        entries.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, new LinkedHashMap<>());
                    } else {
                        entry = null;
                        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, scalar(rest, number, line));
                    }
                }
                case 4 -> {
                    if (entry == null) throw bad(number, line, "property outside an entry");
                    if (rest.isEmpty()) throw bad(number, line, "nested mappings are not part of the form");
                    entries.get(section).get(entry).put(key, scalar(rest, number, line));
                }
                default -> throw bad(number, line, "indentation must be 0, 2 or 4 spaces");
            }
        }
        return new ActionMetadata(scalars, sections, entries);
    }

    Map<String, Map<String, String>> inputs() {
        return entries.getOrDefault("inputs", Map.of());
    }

    Map<String, Map<String, String>> outputs() {
        return entries.getOrDefault("outputs", Map.of());
    }

    Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    private static int keyEnd(String trimmed, int number, String line) {
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || !trimmed.substring(0, colon).matches("[A-Za-z0-9_-]+")) {
            throw bad(number, line, "expected 'key:' or 'key: value'");
        }
        return colon;
    }

    private static String scalar(String text, int number, String line) {
        int comment = text.startsWith("\"") ? -1 : text.indexOf(" #");
        if (comment >= 0) text = text.substring(0, comment).strip();
        if (!text.startsWith("\"")) {
            if (!text.matches("[A-Za-z0-9_./:-]+")) throw bad(number, line, "unquoted values must be plain words; quote the rest");
            return text;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length()) break;
                char next = text.charAt(++i);
                if (next != '\\' && next != '"') throw bad(number, line, "only \\\\ and \\\" escapes are part of the form");
                value.append(next);
            } else if (c == '"') {
                String after = text.substring(i + 1).strip();
                if (!after.isEmpty() && !after.startsWith("#")) throw bad(number, line, "text after the closing quote");
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw bad(number, line, "unterminated quoted value");
    }

    private static IllegalArgumentException bad(int number, String line, String why) {
        return new IllegalArgumentException("action.yml line " + number + " (" + why + "): " + line);
    }

    /** Quotes a value the way action.yml writes it. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Rows of the first Markdown table after {@code heading}: each row's cells, header and rule left out. */
    static List<List<String>> markdownTable(List<String> lines, String heading) {
        List<List<String>> rows = new ArrayList<>();
        int start = lines.indexOf(heading);
        if (start < 0) throw new IllegalArgumentException("README.md has no heading '" + heading + "'");
        boolean inTable = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) break;
            if (!line.startsWith("|")) {
                if (inTable) break;
                continue;
            }
            if (!inTable) {
                inTable = true; // header row
                continue;
            }
            if (line.matches("\\|[\\s:|-]+\\|")) continue; // rule
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) cells.add(cell.strip());
            rows.add(cells);
        }
        return rows;
    }
}
