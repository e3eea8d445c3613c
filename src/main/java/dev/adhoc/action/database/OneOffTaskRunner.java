package dev.adhoc.action.database;

import dev.adhoc.action.manifest.Network;
import java.util.List;

/**
 * Runs one container command as a one-off ECS task to its end and returns the container's
 * exit code. Streaming its log and bounding the wait are the runner's job.
 */
@FunctionalInterface
public interface OneOffTaskRunner {
    int run(String cluster, String taskDefinition, String container, List<String> command, Network network);
}
