package dev.adhoc.action.database;

import java.util.Arrays;
import java.util.List;

/** What a remote command printed and how it ended. */
public record RemoteResult(int exitStatus, String stdout, String stderr) {
    public boolean succeeded() {
        return exitStatus == 0;
    }

    /** The last {@code count} non-blank lines of standard error, for a one-line failure message. */
    public String lastErrorLines(int count) {
        List<String> lines = Arrays.stream(stderr.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
