package dev.adhoc.action.fleet;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One environment as {@code list} shows it. {@code images}: role (backend, frontend) → the
 * tag or digest its services run now; {@code created}: when its manifest was first published;
 * {@code loadBalancer}: the shared stack's load balancer it is placed on, when its manifest says.
 */
public record EnvironmentStatus(
        String environment,
        String url,
        State state,
        Map<String, String> images,
        Instant created,
        Optional<Instant> lastDeploy,
        int runningCount,
        int desiredCount,
        Optional<String> problem,
        Optional<String> loadBalancer) {

    public EnvironmentStatus {
        images = Map.copyOf(images);
    }

    public enum State {
        RUNNING("running"),
        STOPPED("stopped"),
        PARTIALLY_RUNNING("partially running"),
        DEPLOYING("deploying"),
        /** The services could not be described (cluster gone, no permission): {@code problem} says why. */
        UNKNOWN("unknown");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
