package dev.adhoc.action.terraform;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reading terraform's human-readable output, with or without colours and diagnostic boxes. */
final class TerraformText {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    // Diagnostics are drawn in a box ("╷", "│ ", "╵") when colours are on.
    private static final Pattern BOX = Pattern.compile("(?m)^[╷│╵] ?");

    private TerraformText() {
    }

    static String plain(String text) {
        return BOX.matcher(ANSI.matcher(text).replaceAll("")).replaceAll("");
    }

    /** The first "Error: ..." line, the summary terraform gives of what went wrong. */
    static Optional<String> firstError(String text) {
        for (String line : plain(text).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Error: ")) return Optional.of(trimmed);
        }
        return Optional.empty();
    }
}
