package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;

/** Which code performs which operation. */
public final class Operations {
    private Operations() {
    }

    public static Operation forName(OperationName name) {
        return switch (name) {
            case PLAN -> new Plan();
            case CREATE -> new Create();
            case DEPLOY -> new Deploy();
            case DESTROY -> new Destroy();
            default -> context -> {
                throw new AdhocFailure("unsupported-operation", "Operation '" + name.id() + "' is not available in this build.");
            };
        };
    }
}
