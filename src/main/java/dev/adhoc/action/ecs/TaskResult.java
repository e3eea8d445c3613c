package dev.adhoc.action.ecs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How a one-off task ended. {@code exitCodes} holds the essential containers' codes (null = none reported). */
public record TaskResult(
        String family,
        String taskArn,
        Map<String, Integer> exitCodes,
        String stopCode,
        String stoppedReason,
        Duration duration,
        List<String> lastLogLines) {

    public boolean succeeded() {
        return !exitCodes.isEmpty() && exitCodes.values().stream().allMatch(code -> code != null && code == 0);
    }

    /** The task's exit code as a process would report it: the first non-zero essential one, else 0. */
    public int exitCode() {
        return exitCodes.values().stream().filter(c -> c == null || c != 0).findFirst().map(c -> c == null ? 1 : c).orElse(0);
    }

    public String describe() {
        return exitCodes.entrySet().stream().map(e -> e.getKey() + " exited " + (e.getValue() == null ? "without a code" : e.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("no essential container reported an exit code")
                + (stoppedReason == null || stoppedReason.isBlank() ? "" : " (" + stoppedReason + ")");
    }
}
