package dev.adhoc.action.ecs;

import dev.adhoc.action.logs.LogStream;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;

/** Where ECS's awslogs driver writes a container's output: {@code <prefix>/<container>/<task-id>}. */
public final class ContainerLogs {
    private ContainerLogs() {
    }

    public static Optional<LogStream> streamOf(ContainerDefinition container, String taskArn) {
        if (container.logConfiguration() == null || container.logConfiguration().logDriver() != LogDriver.AWSLOGS) {
            return Optional.empty();
        }
        Map<String, String> options = container.logConfiguration().options();
        String group = options.get("awslogs-group");
        String prefix = options.get("awslogs-stream-prefix");
        // Without a stream prefix ECS names streams by container instance, which we cannot know.
        if (group == null || prefix == null) return Optional.empty();
        return Optional.of(new LogStream(group, prefix + "/" + container.name() + "/" + taskId(taskArn)));
    }

    public static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
