package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;

/** Which code performs which operation. */
public final class Operations {
    private Operations() {
    }

    public static Operation forName(OperationName name) {
        return switch (name) {
            case DEPLOY -> new Deploy();
            case LIST -> new ListEnvironments();
            case STOP -> StopStart.stop();
            case START -> StopStart.start();
            case RUN -> new RunCommand();
            case CLEANUP -> new Cleanup((context, environment) -> {
                throw new AdhocFailure("unsupported-operation", "destroy is not available in this build");
            });
            default -> context -> {
                throw new AdhocFailure("unsupported-operation", "Operation '" + name.id() + "' is not available in this build.");
            };
        };
    }
}
