package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The operations a run can perform. */
public enum OperationName {
    PLAN, CREATE, DEPLOY, RUN, DESTROY, LIST, CLEANUP, STOP, START;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OperationName parse(String text) {
        return Arrays.stream(values()).filter(o -> o.id().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> AdhocFailure.invalidInput("Operation '" + text + "' is not known. Use one of: " + all() + "."));
    }

    public static String all() {
        return Arrays.stream(values()).map(OperationName::id).collect(Collectors.joining(", "));
    }
}
