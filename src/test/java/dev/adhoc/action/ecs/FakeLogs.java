package dev.adhoc.action.ecs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * CloudWatch Logs in memory: every stream of a log group holds the group's lines, all written
 * already. Any call but GetLogEvents fails (the SDK interface's default), so a test also shows
 * which calls a rollout makes.
 */
final class FakeLogs implements CloudWatchLogsClient {
    private final Map<String, List<String>> groups = new HashMap<>();

    FakeLogs group(String group, String... lines) {
        groups.put(group, List.of(lines));
        return this;
    }

    @Override
    public GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
        List<String> lines = groups.get(request.logGroupName());
        if (lines == null) throw ResourceNotFoundException.builder().message("The specified log group does not exist.").build();
        int from = Boolean.TRUE.equals(request.startFromHead())
                ? (request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken().substring(2)))
                : Math.max(0, lines.size() - (request.limit() == null ? lines.size() : request.limit()));
        return GetLogEventsResponse.builder()
                .events(lines.subList(from, lines.size()).stream().map(line -> OutputLogEvent.builder().message(line).build()).toList())
                .nextForwardToken("f/" + lines.size())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
