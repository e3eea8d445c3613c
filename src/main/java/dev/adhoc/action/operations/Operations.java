package dev.adhoc.action.operations;

/** Which code performs which operation. */
public final class Operations {
    private Operations() {
    }

    public static Operation forName(OperationName name) {
        return switch (name) {
            case PLAN -> new Plan();
            case CREATE -> new Create();
            case DEPLOY -> new Deploy();
            case RUN -> new RunCommand();
            case DESTROY -> new Destroy();
            case LIST -> new ListEnvironments();
            // The lifecycle destroy itself, once per expired environment.
            case CLEANUP -> new Cleanup((context, environment) -> new Destroy().destroy(context, environment));
            case STOP -> StopStart.stop();
            case START -> StopStart.start();
        };
    }
}
