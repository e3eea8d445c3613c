package dev.adhoc.action.logs;

/** One CloudWatch Logs stream, e.g. an awslogs container's {@code prefix/container/task-id}. */
public record LogStream(String group, String stream) {
}
