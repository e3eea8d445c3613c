package dev.adhoc.action.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code adhoc help} and {@code adhoc help <verb>}, made from {@link Verb} and {@link Input}: the
 * same names, descriptions and defaults action.yml documents, so the two cannot drift apart.
 */
final class Help {
    private static final int WIDTH = 100;
    private static final int MAX_FLAG_COLUMN = 30;

    private Help() {
    }

    static String verbs() {
        StringBuilder text = new StringBuilder("""
                adhoc: short-lived preview environments on AWS ECS Fargate, from a terminal or any CI.

                Usage: adhoc <verb> [environment] [--flag value]...

                Verbs:
                """);
        int width = "help".length();
        for (Verb verb : Verb.values()) width = Math.max(width, verb.id().length());
        for (Verb verb : Verb.values()) text.append(row("  " + verb.id(), width + 4, verb.summary()));
        text.append(row("  help", width + 4, "This list, or a verb's flags and their defaults: adhoc help <verb>."));
        text.append("""

                'adhoc <verb> --help' lists a verb's flags; 'adhoc --version' prints the version.
                AWS: the SDK's standard configuration (AWS_REGION, AWS_PROFILE or keys, AWS_ENDPOINT_URL).
                With no arguments the program is the GitHub Action, reading its inputs from INPUT_<NAME> variables.
                """);
        return text.toString();
    }

    static String verb(Verb verb) {
        StringBuilder text = new StringBuilder("Usage: adhoc ").append(verb.id()).append(verb.takesEnvironment() ? " <environment>" : "")
                .append(" [--flag value]...\n\n").append(verb.summary()).append("\n\n");
        text.append("Flags (the GitHub Action's inputs of the same names; an INPUT_<NAME> variable works too):\n");
        List<String> flags = new ArrayList<>();
        for (Input input : verb.inputs()) flags.add(flag(input));
        // Descriptions start in one column; a flag too long for it gets its description on the next line.
        int width = Math.min(flags.stream().mapToInt(String::length).max().orElse(0), MAX_FLAG_COLUMN) + 4;
        List<Input> inputs = verb.inputs();
        for (int i = 0; i < inputs.size(); i++) text.append(row("  " + flags.get(i), width, description(inputs.get(i))));
        return text.toString();
    }

    private static String flag(Input input) {
        return "--" + input.inputName() + (input.isBoolean() ? " [true|false]" : " <value>");
    }

    /** The description and, where the CLI has one, the default (GitHub expressions apply only in a workflow). */
    private static String description(Input input) {
        String defaults = input.defaultValue().filter(d -> !d.startsWith("${{")).map(d -> " Default: " + d + ".").orElse("");
        return input.description() + defaults;
    }

    /** A name in a column of the given width, then the text wrapped to the terminal's usual width. */
    private static String row(String name, int width, String description) {
        StringBuilder out = new StringBuilder();
        String indent = " ".repeat(width);
        StringBuilder line;
        if (name.length() + 2 > width) {
            out.append(name).append('\n');
            line = new StringBuilder(indent);
        } else {
            line = new StringBuilder(name + " ".repeat(width - name.length()));
        }
        for (String word : description.split(" ")) {
            if (line.length() + word.length() > WIDTH && line.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(word).append(' ');
        }
        return out.append(line.toString().stripTrailing()).append('\n').toString();
    }
}
