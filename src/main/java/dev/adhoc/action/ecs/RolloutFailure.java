package dev.adhoc.action.ecs;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import java.util.List;

/**
 * A failed step of a rollout, with what explains it: the services' recent events, why their
 * tasks stopped, and the failing task's last log lines. Reports show these beside the message.
 */
public final class RolloutFailure extends AdhocFailure {
    private final String step;
    private final List<String> serviceEvents;
    private final List<String> stoppedTaskReasons;
    private final List<String> lastLogLines;

    public RolloutFailure(FailureReason reason, String step, String message, List<String> serviceEvents, List<String> stoppedTaskReasons,
            List<String> lastLogLines) {
        super(reason, message);
        this.step = step;
        this.serviceEvents = List.copyOf(serviceEvents);
        this.stoppedTaskReasons = List.copyOf(stoppedTaskReasons);
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    public String step() {
        return step;
    }

    public List<String> serviceEvents() {
        return serviceEvents;
    }

    public List<String> stoppedTaskReasons() {
        return stoppedTaskReasons;
    }

    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
