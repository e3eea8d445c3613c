package dev.adhoc.action.database;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for POSIX shell command lines. Every argument that goes into a remote command line
 * is quoted here, even names already validated elsewhere: one mistake upstream must not turn
 * into a command run on the bastion.
 */
public final class PosixShell {
    private PosixShell() {
    }

    /**
     * One shell word that the shell reads back as exactly {@code value}: single quotes keep
     * everything literal, and a single quote itself is closed, escaped and reopened ({@code '\''}).
     */
    public static String quote(String value) {
        if (value == null) throw new IllegalArgumentException("cannot quote null");
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A command line running {@code argv} exactly, each argument quoted. */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        return argv.stream().map(PosixShell::quote).collect(Collectors.joining(" "));
    }
}
