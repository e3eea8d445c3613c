package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;

/** Which code performs which operation. */
public final class Operations {
    private Operations() {
    }

    public static Operation forName(OperationName name) {
        return switch (name) {
            case PLAN -> new Plan();
            case DEPLOY -> new Deploy();
            default -> context -> {
                throw new AdhocFailure("unsupported-operation", "Operation '" + name.id() + "' is not available in this build.");
            };
        };
    }
}
