package dev.adhoc.action.terraform;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A state lock held by another run, as terraform describes it after "Error acquiring the
 * state lock":
 * <pre>
 * Lock Info:
 *   ID:        69fe8696-22ca-9e7c-66e0-baa72d239734
 *   Path:      bucket/env:/alpha/ad-hoc.tfstate
 *   Operation: OperationTypeApply
 *   Who:       runner@fv-az123
 *   Version:   1.11.4
 *   Created:   2026-11-26 09:16:14.401021772 +0000 UTC
 *   Info:
 * </pre>
 * Fields terraform leaves out read as empty.
 */
public record StateLock(String id, String path, String operation, String who, String version, String created) {
    private static final String MARKER = "Error acquiring the state lock";
    private static final Pattern FIELD = Pattern.compile("(?m)^\\s*(ID|Path|Operation|Who|Version|Created|Info):[ \\t]*(.*?)\\s*$");

    /** The lock described in terraform's output, if the output reports a held lock. */
    public static Optional<StateLock> find(String terraformOutput) {
        String text = TerraformText.plain(terraformOutput);
        int start = text.indexOf(MARKER);
        if (start < 0) return Optional.empty();
        int info = text.indexOf("Lock Info:", start);
        Map<String, String> fields = new LinkedHashMap<>();
        if (info >= 0) {
            Matcher m = FIELD.matcher(text.substring(info));
            while (m.find()) fields.putIfAbsent(m.group(1), m.group(2));
        }
        return Optional.of(new StateLock(fields.getOrDefault("ID", ""), fields.getOrDefault("Path", ""),
                fields.getOrDefault("Operation", ""), fields.getOrDefault("Who", ""), fields.getOrDefault("Version", ""),
                fields.getOrDefault("Created", "")));
    }

    /** "OperationTypeApply" → "apply". */
    public String operationName() {
        return operation.replaceFirst("^OperationType", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The failure for a step that could not get the lock. It says who holds it since when and
     * how to release it; this program never force-unlocks, because the holder may still be
     * writing the state.
     */
    AdhocFailure failure(String step, Optional<String> workspace, Path directory) {
        StringBuilder message = new StringBuilder(step).append(" could not start");
        workspace.ifPresent(w -> message.append(" for environment '").append(w).append("'"));
        message.append(": the terraform state is locked");
        if (!who.isEmpty()) message.append(" by ").append(who);
        if (!operation.isEmpty()) message.append(" (").append(operationName()).append(")");
        if (!created.isEmpty()) message.append(" since ").append(created);
        if (!id.isEmpty()) message.append(", lock ID ").append(id);
        message.append(". Another run is probably changing this environment: wait for it to finish and retry. "
                + "If no other run is active (it was cancelled or crashed), release the lock in ").append(directory)
                .append(" with ");
        workspace.ifPresent(w -> message.append("'terraform workspace select ").append(w).append("' then "));
        message.append("'terraform force-unlock ").append(id.isEmpty() ? "<ID>" : id).append("'.");
        return new AdhocFailure(FailureReason.STATE_LOCKED, message.toString());
    }
}
