package dev.adhoc.action.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Follows one log stream: each {@link #poll} prints the events that arrived since the last one.
 * The stream may not exist yet (a task still starting) — that is "nothing new", not an error.
 * It remembers the last lines it printed, for failure reports.
 */
public final class LogTail {
    private static final int REMEMBERED_LINES = 30;

    private final CloudWatchLogsClient logs;
    private final LogStream stream;
    private final Consumer<String> printer;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private String nextToken;

    public LogTail(CloudWatchLogsClient logs, LogStream stream, Consumer<String> printer) {
        this.logs = logs;
        this.stream = stream;
        this.printer = printer;
    }

    /** Prints new events; returns how many there were. */
    public int poll() {
        int printed = 0;
        // GetLogEvents returns the same forward token when there is nothing more: that ends a poll.
        while (true) {
            GetLogEventsResponse page;
            try {
                page = logs.getLogEvents(r -> {
                    r.logGroupName(stream.group()).logStreamName(stream.stream()).startFromHead(true);
                    if (nextToken != null) r.nextToken(nextToken);
                });
            } catch (ResourceNotFoundException notYet) {
                return printed;
            }
            for (OutputLogEvent event : page.events()) {
                String line = event.message().stripTrailing();
                printer.accept(line);
                remember(line);
                printed++;
            }
            boolean same = page.nextForwardToken() == null || page.nextForwardToken().equals(nextToken);
            nextToken = page.nextForwardToken();
            if (same || page.events().isEmpty()) return printed;
        }
    }

    public List<String> lastLines() {
        return new ArrayList<>(lastLines);
    }

    private void remember(String line) {
        lastLines.addLast(line);
        if (lastLines.size() > REMEMBERED_LINES) lastLines.removeFirst();
    }

    /** The last lines of a stream, without following it (for a failed service task). */
    public static List<String> lastLines(CloudWatchLogsClient logs, LogStream stream, int count) {
        try {
            List<String> lines = new ArrayList<>();
            logs.getLogEvents(r -> r.logGroupName(stream.group()).logStreamName(stream.stream()).startFromHead(false).limit(count))
                    .events().forEach(e -> lines.add(e.message().stripTrailing()));
            return lines;
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }
}
