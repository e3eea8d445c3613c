package dev.adhoc.action.ecs;

import java.util.Optional;

/**
 * Where {@code stop} remembers a service's desired count: an ECS tag on the service itself,
 * {@code adhoc:desired-count=<n>}.
 *
 * <p>Why a tag: the count lives with the service it belongs to, so it disappears with the
 * service when the environment is destroyed (nothing to clean up, nothing stale if the name is
 * reused); DescribeServices returns it in the same call that returns the counts (include TAGS),
 * so {@code list} sees it for free; and each service's tag is written before that service is
 * scaled, so a stop interrupted half-way loses nothing. The environment module should tell
 * terraform to leave the tag alone ({@code ignore_changes = [tags["adhoc:desired-count"],
 * tags_all["adhoc:desired-count"], desired_count]}) so an apply between stop and start keeps it.
 */
public final class StoppedCounts {
    public static final String TAG = "adhoc:desired-count";

    private final EcsCalls ecs;

    public StoppedCounts(EcsCalls ecs) {
        this.ecs = ecs;
    }


    public void remember(String serviceArn, int desiredCount) {
        ecs.tagResource(r -> r.resourceArn(serviceArn).tags(t -> t.key(TAG).value(Integer.toString(desiredCount))));
    }

    public void forget(String serviceArn) {
        ecs.untagResource(r -> r.resourceArn(serviceArn).tagKeys(TAG));
    }

    static Optional<Integer> parse(String value) {
        try {
            int count = Integer.parseInt(value == null ? "" : value.strip());
            return count >= 0 ? Optional.of(count) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
