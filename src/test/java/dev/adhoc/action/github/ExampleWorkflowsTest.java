package dev.adhoc.action.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Verb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The copy-ready workflows in examples/workflows: valid YAML, only the action's real inputs and
 * outputs, OIDC instead of keys, least permissions, bounded jobs, and destroys never cancelled.
 */
class ExampleWorkflowsTest {
    private static final Path DIRECTORY = Path.of("examples", "workflows");
    private static final String ACTION = "adhoc-action/adhoc-action@";
    /** The action's outputs, as action.yml declares them. */
    private static final Set<String> OUTPUTS = Set.of("url", "environment", "cluster", "task-definitions", "plan-summary",
            "environments", "failure-reason", "exit-code");
    private static final Set<String> INPUTS = Arrays.stream(Input.values()).map(Input::inputName).collect(Collectors.toSet());
    private static final Set<String> PERMISSIONS = Set.of("id-token", "contents", "pull-requests", "deployments");
    private static final Pattern OUTPUT_REFERENCE = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");

    static Stream<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theExamplesAreThere() throws IOException {
        assertThat(workflows().map(p -> p.getFileName().toString())).contains("adhoc-create.yml", "adhoc-deploy.yml",
                "adhoc-pull-request.yml", "adhoc-cleanup.yml", "adhoc-list.yml");
        String readme = Files.readString(DIRECTORY.resolve("README.md"));
        workflows().forEach(w -> assertThat(readme).contains(w.getFileName().toString()));
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void isAValidWorkflowUsingOnlyTheActionsInputsAndOutputs(Path file) throws IOException {
        String text = Files.readString(file);
        Map<String, Object> workflow = parse(text);
        assertThat(workflow).containsKeys("name", "jobs");
        // YAML 1.1 reads the key `on` as the boolean true, as SnakeYAML does; GitHub reads it as "on".
        assertThat(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE)).as("has triggers").isTrue();

        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertThat(jobs).isNotEmpty();
        for (Map.Entry<String, Object> entry : jobs.entrySet()) {
            String where = file.getFileName() + " job " + entry.getKey();
            Map<String, Object> job = map(entry.getValue());
            assertThat(job).as(where).containsKeys("runs-on", "timeout-minutes", "steps");
            assertThat(job.get("timeout-minutes")).as(where).isInstanceOf(Integer.class);

            Map<String, Object> permissions = map(job.getOrDefault("permissions", workflow.get("permissions")));
            assertThat(permissions).as(where + " declares permissions").isNotEmpty();
            assertThat(PERMISSIONS).as(where + " asks only for what it needs").containsAll(permissions.keySet());
            assertThat(permissions.get("contents")).as(where).isIn(null, "read");

            Map<String, Object> concurrency = map(job.getOrDefault("concurrency", workflow.get("concurrency")));
            assertThat(concurrency).as(where + " has a concurrency group").containsKey("group");

            List<String> adhocStepIds = new ArrayList<>();
            for (Object stepObject : list(job.get("steps"))) {
                Map<String, Object> step = map(stepObject);
                String uses = String.valueOf(step.getOrDefault("uses", ""));
                Map<String, Object> with = map(step.get("with"));
                if (uses.startsWith("aws-actions/configure-aws-credentials")) {
                    assertThat(uses).as(where).isEqualTo("aws-actions/configure-aws-credentials@v4");
                    assertThat(with).as(where + " uses OIDC").containsKey("role-to-assume")
                            .doesNotContainKeys("aws-access-key-id", "aws-secret-access-key", "aws-session-token");
                    assertThat(permissions.get("id-token")).as(where + " may request an OIDC token").isEqualTo("write");
                }
                if (uses.startsWith(ACTION)) {
                    assertThat(uses).as(where).isEqualTo(ACTION + "v1");
                    assertThat(INPUTS).as(where + " uses only declared inputs").containsAll(with.keySet());
                    String operation = String.valueOf(with.get("operation"));
                    Verb.parse(operation);
                    if (operation.equals("destroy") || operation.equals("cleanup")) {
                        assertThat(concurrency.get("cancel-in-progress")).as(where + ": a destroy is never cancelled").isEqualTo(false);
                    }
                    if (step.containsKey("id")) adhocStepIds.add(String.valueOf(step.get("id")));
                }
                if (step.containsKey("run")) {
                    assertThat(String.valueOf(step.get("run"))).as(where + ": expressions reach scripts through env only")
                            .doesNotContain("${{");
                }
            }
            Matcher reference = OUTPUT_REFERENCE.matcher(text);
            while (reference.find()) {
                if (adhocStepIds.contains(reference.group(1))) {
                    assertThat(OUTPUTS).as(file.getFileName() + " uses only declared outputs").contains(reference.group(2));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        // SnakeYAML as WireMock ships it on the test classpath: no extra dependency for a test.
        Object document = new wiremock.org.yaml.snakeyaml.Yaml().load(text);
        assertThat(document).isInstanceOf(Map.class);
        return (Map<String, Object>) document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
