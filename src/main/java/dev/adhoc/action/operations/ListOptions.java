package dev.adhoc.action.operations;

import dev.adhoc.action.config.Inputs;

/** The inputs of {@code list}. */
public record ListOptions(String manifestPrefix) implements VerbOptions {

    static ListOptions from(Inputs inputs) {
        return new ListOptions(CommonOptions.manifestPrefix(inputs));
    }

    @Override
    public Operation operation() {
        return new ListEnvironments(this);
    }
}
