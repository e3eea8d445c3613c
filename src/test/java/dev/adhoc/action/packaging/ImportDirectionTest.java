package dev.adhoc.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code's import direction as README's "Code layout" draws it: each package of
 * {@code src/main} refers only to the project packages its row allows, and whatever that table
 * says, nothing refers upward into {@code operations} or {@code Main}, the helpers at the very
 * bottom ({@code text}, {@code util}) refer to no other project package, and the plain values
 * above them to those helpers only.
 */
class ImportDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/adhoc/action");
    private static final String ROOT = "(root)";
    /** A reference to a project package or a class of the root package, in an import or a qualified name. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.adhoc\\.action\\.([A-Za-z_][A-Za-z0-9_]*)");
    /** Root-package classes every package may use: the failure and its reason. Any other root class is Main's. */
    private static final Set<String> FAILURE_TYPES = Set.of("AdhocFailure", "FailureReason");
    private static final Set<String> BOTTOM = Set.of("model", "config", "aws");
    /** Below the bottom's values: small helpers that refer to no other project package at all. */
    private static final Set<String> HELPERS = Set.of("text", "util");

    private static Map<String, Set<String>> allowed;
    private static Map<String, Set<String>> actual;

    @BeforeAll
    static void read() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        allowed = rules(ActionMetadata.markdownTable(readme, "## Code layout"));
        actual = dependencies(sources());
    }

    @Test
    void everyPackageHasARowAndEveryRowAPackage() throws IOException {
        Set<String> packages = new TreeSet<>();
        packages.add(ROOT);
        try (Stream<Path> entries = Files.list(SOURCES)) {
            entries.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertThat(allowed.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    }

    @Test
    void eachPackageImportsOnlyWhatItsRowAllows() {
        assertThat(violations(actual, allowed)).isEmpty();
    }

    @Test
    void nothingPointsUpIntoOperationsOrMainAndTheBottomStandsAlone() {
        assertThat(upward(actual)).as("in the code").isEmpty();
        assertThat(upward(allowed)).as("in README's table").isEmpty();
    }

    @Test
    void aNewUpwardImportIsCaught() {
        Map<Path, String> sources = Map.of(
                Path.of("database/DatabaseAdmins.java"), """
                        package dev.adhoc.action.database;

                        import dev.adhoc.action.AdhocFailure;
                        import dev.adhoc.action.FailureReason;
                        import dev.adhoc.action.model.EnvironmentName;
                        import dev.adhoc.action.operations.Context;
                        """,
                Path.of("model/Mode.java"), """
                        package dev.adhoc.action.model;

                        import dev.adhoc.action.text.Printable;

                        /** Compare {@link dev.adhoc.action.Main}. */
                        record Mode(dev.adhoc.action.config.Input input) {
                        }
                        """,
                Path.of("text/Words.java"), """
                        package dev.adhoc.action.text;

                        import dev.adhoc.action.model.EnvironmentName;
                        """);
        Map<String, Set<String>> dependencies = dependencies(sources);

        assertThat(dependencies).containsOnly(Map.entry("database", Set.of("model", "operations")),
                Map.entry("model", Set.of(ROOT, "config", "text")), Map.entry("text", Set.of("model")));
        assertThat(upward(dependencies)).containsExactlyInAnyOrder("database imports operations", "model imports (root)",
                "model imports config", "text imports model");
        assertThat(violations(dependencies, Map.of("database", Set.of("model"), "model", Set.of("text"), "text", Set.of())))
                .containsExactlyInAnyOrder("database imports operations", "model imports (root)", "model imports config", "text imports model");
    }

    /** Package → the packages its row allows ("every other package": all but its own and the root's; "none": nothing). */
    private static Map<String, Set<String>> rules(List<List<String>> rows) {
        Map<String, Set<String>> rules = new TreeMap<>();
        List<String> names = rows.stream().map(row -> name(row.get(0))).toList();
        for (List<String> row : rows) {
            String mayImport = row.get(2);
            Set<String> targets = new TreeSet<>();
            if (mayImport.equals("every other package")) {
                targets.addAll(names);
                targets.remove(name(row.get(0)));
                targets.remove(ROOT);
            } else if (!mayImport.equals("none")) {
                for (String each : mayImport.split(",")) targets.add(name(each));
            }
            rules.put(name(row.get(0)), targets);
        }
        return rules;
    }

    private static String name(String cell) {
        String name = cell.strip().replace("`", "");
        if (!name.matches("[a-z]+|\\(root\\)")) throw new IllegalArgumentException("Not a package in README's Code layout: " + cell);
        return name;
    }

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(SOURCES.relativize(file), Files.readString(file));
            }
        }
        return sources;
    }

    /** Package → the other project packages its files refer to; the failure types are left out. */
    static Map<String, Set<String>> dependencies(Map<Path, String> sources) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        sources.forEach((file, text) -> {
            String from = file.getNameCount() == 1 ? ROOT : file.getName(0).toString();
            Set<String> targets = dependencies.computeIfAbsent(from, f -> new TreeSet<>());
            for (String line : text.lines().filter(l -> !l.strip().startsWith("package ")).toList()) {
                Matcher reference = REFERENCE.matcher(line);
                while (reference.find()) {
                    String target = reference.group(1);
                    if (FAILURE_TYPES.contains(target)) continue;
                    String to = Character.isUpperCase(target.charAt(0)) ? ROOT : target;
                    if (!to.equals(from)) targets.add(to);
                }
            }
        });
        return dependencies;
    }

    /** The fixed rule: only the root (Main) reaches operations, nobody reaches Main, the bottom reaches only the helpers, they nothing. */
    private static List<String> upward(Map<String, Set<String>> dependencies) {
        List<String> found = new ArrayList<>();
        dependencies.forEach((from, targets) -> targets.forEach(to -> {
            boolean up = (to.equals("operations") && !from.equals(ROOT)) || to.equals(ROOT)
                    || (BOTTOM.contains(from) && !HELPERS.contains(to)) || HELPERS.contains(from);
            if (up) found.add(from + " imports " + to);
        }));
        return found;
    }

    private static List<String> violations(Map<String, Set<String>> dependencies, Map<String, Set<String>> rules) {
        List<String> found = new ArrayList<>();
        dependencies.forEach((from, targets) -> targets.stream()
                .filter(to -> !rules.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> found.add(from + " imports " + to)));
        return found;
    }
}
