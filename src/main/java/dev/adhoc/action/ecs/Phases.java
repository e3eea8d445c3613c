package dev.adhoc.action.ecs;

import java.util.function.Supplier;

/** Names and times the steps of a rollout (migrations, rollout) for whoever reports on them. */
@FunctionalInterface
public interface Phases {
    <T> T phase(String name, Supplier<T> body);

}
