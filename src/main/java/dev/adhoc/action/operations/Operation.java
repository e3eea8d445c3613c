package dev.adhoc.action.operations;

/** One operation. It reports through the context and returns the process exit code. */
public interface Operation {
    int run(Context context);
}
