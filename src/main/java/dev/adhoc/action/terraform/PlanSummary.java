package dev.adhoc.action.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.text.Markdown;
import dev.adhoc.action.text.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a saved plan will do, read from {@code terraform show -json}: counts of resources to
 * add, change, replace and destroy, per resource type, with the risky changes (replacements,
 * then deletions) named by address first, since those are the ones a reviewer must see.
 */
public record PlanSummary(List<ResourceChange> changes, List<String> changedOutputs) {
    // Enough addresses for the one-line form to name the important ones and stay one line.
    private static final int NAMED_IN_LINE = 3;

    public PlanSummary {
        changes = changes.stream().sorted(Comparator.comparing(ResourceChange::action).thenComparing(ResourceChange::address))
                .toList();
        changedOutputs = changedOutputs.stream().sorted().toList();
    }

    /** What happens to one resource instance, riskiest first in declaration order. */
    public enum Action {
        REPLACE,
        DELETE,
        UPDATE,
        CREATE;

        /** From a {@code change.actions} array; {@code null} for no-op and read (nothing changes). */
        static Action of(List<String> actions) {
            if (actions.contains("delete") && actions.contains("create")) return REPLACE;
            if (actions.contains("delete")) return DELETE;
            if (actions.contains("update")) return UPDATE;
            if (actions.contains("create")) return CREATE;
            return null;
        }
    }

    public record ResourceChange(String address, String type, Action action) {
    }

    public static PlanSummary parse(String showJson, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(showJson);
        } catch (JsonProcessingException e) {
            throw new AdhocFailure(FailureReason.TERRAFORM_FAILED, "terraform show -json printed something that is not JSON: "
                    + e.getOriginalMessage());
        }
        List<ResourceChange> changes = new ArrayList<>();
        JsonNode resources = root == null ? null : root.get("resource_changes");
        if (resources != null) {
            for (JsonNode resource : resources) {
                List<String> actions = new ArrayList<>();
                resource.path("change").path("actions").forEach(a -> actions.add(a.asText()));
                Action action = Action.of(actions);
                // Data sources are read, never changed.
                if (action == null || "data".equals(resource.path("mode").asText())) continue;
                changes.add(new ResourceChange(resource.path("address").asText(), resource.path("type").asText(), action));
            }
        }
        List<String> outputs = new ArrayList<>();
        JsonNode outputChanges = root == null ? null : root.get("output_changes");
        if (outputChanges != null) {
            outputChanges.fields().forEachRemaining(output -> {
                List<String> actions = new ArrayList<>();
                output.getValue().path("actions").forEach(a -> actions.add(a.asText()));
                if (Action.of(actions) != null) outputs.add(output.getKey());
            });
        }
        return new PlanSummary(changes, outputs);
    }

    public int count(Action action) {
        return (int) changes.stream().filter(c -> c.action() == action).count();
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** Addresses of the resources with this action, sorted. */
    public List<String> addresses(Action action) {
        return changes.stream().filter(c -> c.action() == action).map(ResourceChange::address).toList();
    }

    /**
     * One line in terraform's own words, with replacements counted both as add and destroy as
     * terraform does: "Plan: 3 to add, 1 to change, 1 to destroy; replaces aws_ecs_service.web".
     */
    public String line() {
        if (!hasChanges()) {
            return changedOutputs.isEmpty() ? "No changes." : "No resource changes; outputs change: " + String.join(", ", changedOutputs);
        }
        int replace = count(Action.REPLACE);
        StringBuilder text = new StringBuilder("Plan: ")
                .append(count(Action.CREATE) + replace).append(" to add, ")
                .append(count(Action.UPDATE)).append(" to change, ")
                .append(count(Action.DELETE) + replace).append(" to destroy");
        if (replace > 0) text.append("; replaces ").append(named(addresses(Action.REPLACE)));
        if (count(Action.DELETE) > 0) text.append("; destroys ").append(named(addresses(Action.DELETE)));
        return text.toString();
    }

    private static String named(List<String> addresses) {
        if (addresses.size() <= NAMED_IN_LINE) return String.join(", ", addresses);
        return String.join(", ", addresses.subList(0, NAMED_IN_LINE)) + " and " + (addresses.size() - NAMED_IN_LINE) + " more";
    }

    /** Markdown for the job summary and the {@code plan-summary} output. */
    public String markdown(String title) {
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
        if (!hasChanges()) {
            if (changedOutputs.isEmpty()) return md.append("No changes: the infrastructure matches the configuration.\n").toString();
            return md.append("No resource changes. Outputs that change: ").append(code(changedOutputs)).append(".\n").toString();
        }
        md.append("**").append(line()).append("**\n\n");
        for (Action risky : List.of(Action.REPLACE, Action.DELETE)) {
            List<String> addresses = addresses(risky);
            if (addresses.isEmpty()) continue;
            md.append(risky == Action.REPLACE ? "⚠️ To be replaced (destroyed and created again):\n"
                    : "⚠️ To be destroyed:\n");
            addresses.forEach(a -> md.append("- ").append(Markdown.code(a)).append('\n'));
            md.append('\n');
        }
        md.append("| resource type | add | change | replace | destroy |\n|---|---:|---:|---:|---:|\n");
        countsByType().forEach(e -> md.append("| ").append(Markdown.codeCell(e.getKey())).append(" | ")
                .append(cells(e.getValue())).append(" |\n"));
        if (!changedOutputs.isEmpty()) md.append("\nOutputs that change: ").append(code(changedOutputs)).append(".\n");
        return md.toString();
    }

    /** The same as {@link #markdown}, as plain text for a terminal. */
    public String text(String title) {
        StringBuilder text = new StringBuilder(title).append('\n');
        if (!hasChanges()) {
            if (changedOutputs.isEmpty()) return text.append("No changes: the infrastructure matches the configuration.\n").toString();
            return text.append("No resource changes. Outputs that change: ").append(String.join(", ", changedOutputs)).append(".\n").toString();
        }
        text.append(line()).append('\n');
        for (Action risky : List.of(Action.REPLACE, Action.DELETE)) {
            List<String> addresses = addresses(risky);
            if (addresses.isEmpty()) continue;
            text.append(risky == Action.REPLACE ? "To be replaced (destroyed and created again):\n" : "To be destroyed:\n");
            addresses.forEach(a -> text.append("  - ").append(a).append('\n'));
        }
        Table table = new Table("resource type", "add", "change", "replace", "destroy");
        for (Map.Entry<String, int[]> type : countsByType()) {
            List<String> row = new ArrayList<>(List.of(type.getKey()));
            row.addAll(counts(type.getValue()));
            table.row(row.toArray(String[]::new));
        }
        table.text().forEach(row -> text.append(row).append('\n'));
        if (!changedOutputs.isEmpty()) text.append("Outputs that change: ").append(String.join(", ", changedOutputs)).append(".\n");
        return text.toString();
    }

    /** Counts per resource type (add, change, replace, destroy), the riskiest types first. */
    private List<Map.Entry<String, int[]>> countsByType() {
        Map<String, int[]> byType = new TreeMap<>();
        for (ResourceChange change : changes) {
            byType.computeIfAbsent(change.type(), t -> new int[4])[column(change.action())]++;
        }
        // Types with the riskiest changes first: most replacements, then deletions, then updates; then by name.
        Comparator<Map.Entry<String, int[]>> riskiest = Comparator.comparingInt(e -> -e.getValue()[2]);
        riskiest = riskiest.thenComparingInt(e -> -e.getValue()[3]).thenComparingInt(e -> -e.getValue()[1])
                .thenComparing(Map.Entry::getKey);
        return byType.entrySet().stream().sorted(riskiest).toList();
    }

    private static String code(List<String> names) {
        return names.stream().map(Markdown::code).collect(Collectors.joining(", "));
    }

    private static int column(Action action) {
        return switch (action) {
            case CREATE -> 0;
            case UPDATE -> 1;
            case REPLACE -> 2;
            case DELETE -> 3;
        };
    }

    private static String cells(int[] counts) {
        return String.join(" | ", counts(counts));
    }

    /** A count per column, empty where nothing happens so the numbers that matter stand out. */
    private static List<String> counts(int[] counts) {
        return java.util.Arrays.stream(counts).mapToObj(n -> n == 0 ? "" : Integer.toString(n)).toList();
    }
}
