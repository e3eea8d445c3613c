package dev.adhoc.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.config.Input;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps action.yml, README.md and the program in agreement. {@link Input} is the one list of
 * inputs: action.yml must declare exactly those, in that order, with the same description and
 * default; README's "Inputs" table must list each with the same default; README's "Outputs"
 * table must list exactly the outputs of action.yml. On a mismatch the failure message prints
 * the block to paste into action.yml or README.
 */
class ActionMetadataTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static ActionMetadata action;
    private static List<String> readme;

    @BeforeAll
    static void read() throws IOException {
        action = ActionMetadata.read(ROOT.resolve("action.yml"));
        readme = Files.readAllLines(ROOT.resolve("README.md"));
    }

    @Test
    void actionDeclaresEveryInputOfTheProgramWithItsDescriptionAndDefault() {
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (Input input : Input.values()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("description", input.description());
            properties.put("required", "false");
            input.defaultValue().ifPresent(d -> properties.put("default", d));
            expected.put(input.inputName(), properties);
        }
        assertThat(action.inputs())
                .withFailMessage(() -> "action.yml's inputs differ from Input.java. Its inputs section should read:%n%s"
                        .formatted(inputsBlock()))
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void everyInputOfTheActionIsReadByTheProgram() {
        for (String name : action.inputs().keySet()) {
            assertThat(Input.byName(name)).as("action.yml input '%s' as an Input constant", name).isPresent();
        }
    }

    @Test
    void githubTokenDefaultsToTheJobToken() {
        assertThat(action.inputs().get("github-token")).containsEntry("default", "${{ github.token }}");
    }

    @Test
    void readmeDocumentsEveryInputWithItsDefault() {
        Map<String, String> documented = new LinkedHashMap<>();
        for (List<String> row : ActionMetadata.markdownTable(readme, "## Inputs")) {
            documented.put(unquote(row.get(0)), unquote(row.get(row.size() - 1)));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (Input input : Input.values()) expected.put(input.inputName(), input.defaultValue().orElse(""));
        assertThat(documented)
                .withFailMessage(() -> "README's Inputs table differs from Input.java. It should read:%n%s".formatted(readmeInputs()))
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void readmeDocumentsEveryOutputOfTheAction() {
        List<String> documented = new ArrayList<>();
        for (List<String> row : ActionMetadata.markdownTable(readme, "## Outputs")) documented.add(unquote(row.get(0)));
        assertThat(documented).containsExactlyElementsOf(action.outputs().keySet());
        assertThat(action.outputs().keySet()).contains("url", "environment", "cluster", "task-definitions", "plan-summary",
                "environments", "failure-reason", "exit-code");
        action.outputs().forEach((name, properties) ->
                assertThat(properties.get("description")).as("description of output %s", name).isNotBlank());
    }

    @Test
    void everyOutputTheProgramSetsIsDeclaredAndEveryDeclaredOutputIsSet() throws IOException {
        java.util.Set<String> set = new java.util.TreeSet<>();
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("outputs(?:\\(\\))?\\.set\\(\\s*\"([a-z-]+)\"");
        try (var files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = call.matcher(Files.readString(file));
                while (m.find()) set.add(m.group(1));
            }
        }
        assertThat(set).as("outputs set in src/main/java").containsExactlyInAnyOrderElementsOf(action.outputs().keySet());
    }

    @Test
    void actionRunsThePublishedImageWithoutArguments() {
        assertThat(action.scalars()).containsKeys("name", "description", "author");
        assertThat(action.section("branding")).containsKeys("icon", "color");
        assertThat(action.section("runs"))
                .containsEntry("using", "docker")
                .containsEntry("image", "docker://ghcr.io/adhoc-action/adhoc-action:v1")
                .doesNotContainKeys("args", "entrypoint");
    }

    @Test
    void releasePushesTheImageTheActionRuns() throws IOException {
        String release = Files.readString(ROOT.resolve(".github/workflows/release.yml"));
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("(?m)^  IMAGE: (\\S+)$").matcher(release);
        assertThat(image.find()).as("release.yml sets env IMAGE").isTrue();
        assertThat(action.section("runs").get("image")).isEqualTo("docker://" + image.group(1) + ":v1");
    }

    @Test
    void readerRejectsWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> ActionMetadata.parse(List.of("inputs:", "  a:", "    description: |")))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> ActionMetadata.parse(List.of("inputs:", "   a:")))
                .hasMessageContaining("indentation");
        ActionMetadata parsed = ActionMetadata.parse(List.of("# c", "name: \"a \\\"b\\\" c\\\\\"", "inputs:", "  x:",
                "    default: \"${{ github.token }}\"", "    required: false # why"));
        assertThat(parsed.scalars()).containsEntry("name", "a \"b\" c\\");
        assertThat(parsed.inputs().get("x")).containsEntry("default", "${{ github.token }}").containsEntry("required", "false");
    }

    private static String unquote(String cell) {
        String text = cell.strip();
        return text.length() >= 2 && text.startsWith("`") && text.endsWith("`") ? text.substring(1, text.length() - 1) : text;
    }

    /** The inputs section of action.yml as Input.java defines it. */
    static String inputsBlock() {
        StringBuilder text = new StringBuilder("inputs:\n");
        for (Input input : Input.values()) {
            text.append("  ").append(input.inputName()).append(":\n");
            text.append("    description: ").append(ActionMetadata.quote(input.description())).append('\n');
            text.append("    required: false\n");
            input.defaultValue().ifPresent(d -> text.append("    default: ").append(ActionMetadata.quote(d)).append('\n'));
        }
        return text.toString();
    }

    /** README's Inputs table as Input.java defines it. */
    static String readmeInputs() {
        StringBuilder text = new StringBuilder("| input | description | default |\n|---|---|---|\n");
        for (Input input : Input.values()) {
            text.append("| `").append(input.inputName()).append("` | ")
                    .append(input.description().replace("|", "\\|").replaceAll("([\\w-]*<[a-z-]+>(?:\\.[a-z]+)?[\\w-]*)", "`$1`"))
                    .append(" | ").append(input.defaultValue().map(d -> "`" + d + "`").orElse("")).append(" |\n");
        }
        return text.toString();
    }
}
