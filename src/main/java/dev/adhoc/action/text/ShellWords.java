package dev.adhoc.action.text;

import dev.adhoc.action.AdhocFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell words, both ways: a command line split into argv without running a shell, and
 * argv quoted into a command line a shell reads back exactly.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * Splits a command line into argv the way a POSIX shell would quote it: whitespace separates
     * words; single quotes keep everything literally; double quotes keep everything but
     * {@code \"} and {@code \\}; a backslash outside quotes escapes the next character. Nothing
     * is expanded ({@code $VAR}, globs, {@code ;} are ordinary characters), because the words go
     * straight to the container as its command.
     */
    public static List<String> split(String inputName, String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        String line = text == null ? "" : text;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw unbalanced(inputName, "single quote", i);
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(inputName, line, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw AdhocFailure.invalidInput("Input '" + inputName + "' ends with a lone backslash: escape it as \\\\ or remove it.");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(word.toString());
        if (words.isEmpty()) {
            throw AdhocFailure.invalidInput("Input '" + inputName + "' is empty: give the command to run, e.g. "
                    + "python manage.py createsuperuser --no-input.");
        }
        return List.copyOf(words);
    }

    /** Appends the double-quoted text starting at {@code open}; returns the index after the closing quote. */
    private static int doubleQuoted(String inputName, String line, int open, StringBuilder word) {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw unbalanced(inputName, "double quote", open);
    }

    private static AdhocFailure unbalanced(String inputName, String quote, int at) {
        return AdhocFailure.invalidInput("Input '" + inputName + "' has an unbalanced " + quote + " (the one at character " + (at + 1)
                + " is never closed): close it, or escape it with a backslash.");
    }

    /** The words back as one readable line, quoted where needed (for logs and messages). */
    public static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) line.append(' ');
            boolean plain = !word.isEmpty() && word.chars().noneMatch(ch -> Character.isWhitespace(ch) || "'\"\\$`;&|<>()*?!#~".indexOf(ch) >= 0);
            line.append(plain ? word : quote(word));
        }
        return line.toString();
    }

    /**
     * One shell word that the shell reads back as exactly {@code value}: single quotes keep
     * everything literal, and a single quote itself is closed, escaped and reopened ({@code '\''}).
     */
    public static String quote(String value) {
        if (value == null) throw new IllegalArgumentException("cannot quote null");
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * A command line running {@code argv} exactly, every argument quoted, even names already
     * validated elsewhere: one mistake upstream must not turn into a command run on a remote host.
     */
    public static String commandLine(List<String> argv) {
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        return argv.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
