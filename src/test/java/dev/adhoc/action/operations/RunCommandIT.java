package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adhoc.action.testing.LocalEnvironmentTest;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code run} against the local AWS's model of one-off Fargate tasks. */
class RunCommandIT extends LocalEnvironmentTest {

    private JsonNode runTask() {
        List<LocalAws.Call> runs = aws.calls().stream().filter(c -> c.action().equals("RunTask")).toList();
        assertThat(runs).hasSize(1);
        return runs.get(0).body();
    }

    @Test
    void runsTheCommandAsTheBackendContainersArgvAndReturnsItsExitCode() {
        String env = newEnvironment("run");
        aws.behaviour("{\"tasks\": {\"" + env + "-migrate\": {\"exitCode\": 3, \"logLines\": [\"Superuser creation skipped\", "
                + "\"CommandError: You must use --username with --noinput.\"]}}}");
        aws.clearCalls();

        Program.Result result = program().action(Map.of("operation", "run", "environment", env,
                "command", "python manage.py shell -c \"print('hello world')\" --settings 'app.settings'"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output("exit-code")).isEqualTo("3");
        assertThat(result.output("failure-reason")).isEqualTo("command-failed");
        assertThat(result.log()).contains("Superuser creation skipped").contains("CommandError: You must use --username with --noinput.");
        String taskId = result.log().lines().filter(l -> l.startsWith("Started " + env + "-migrate (task "))
                .map(l -> l.substring(l.indexOf("(task ") + 6, l.length() - 1)).findFirst().orElseThrow();
        List<String> errors = result.log().lines().filter(l -> l.startsWith("::error::")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("python manage.py shell -c 'print('\\''hello world'\\'')' --settings app.settings")
                .contains("task " + taskId).contains("exit code 3");

        JsonNode body = runTask();
        assertThat(body.get("launchType").asText()).isEqualTo("FARGATE");
        assertThat(body.get("taskDefinition").asText()).endsWith("task-definition/" + env + "-migrate:1");
        JsonNode override = body.get("overrides").get("containerOverrides").get(0);
        assertThat(override.get("name").asText()).isEqualTo("migrate");
        List<String> argv = new ArrayList<>();
        override.get("command").forEach(w -> argv.add(w.asText()));
        assertThat(argv).containsExactly("python", "manage.py", "shell", "-c", "print('hello world')", "--settings", "app.settings");
        assertThat(body.get("networkConfiguration").get("awsvpcConfiguration").get("assignPublicIp").asText()).isEqualTo("DISABLED");
        assertThat(result.summary()).contains("| command | task | exit code | time |\n|---|---|---|---|\n"
                + "| `python manage.py shell -c 'print('\\''hello world'\\'')' --settings app.settings` | " + taskId + " | 3 | ");
    }

    @Test
    void aSucceedingCommandExitsZeroAndStreamsItsOutput() {
        String env = newEnvironment("run");
        aws.clearCalls();

        Program.Result result = program().cli("run", env, "--command", "python manage.py createsuperuser --no-input");

        assertThat(result.exitCode()).as(result.log()).isZero();
        // Without logLines the local ECS writes the command it ran: proof the override reached the container.
        assertThat(result.log()).contains("migrate | Running: python manage.py createsuperuser --no-input").contains("exited 0");
        assertThat(runTask().get("overrides").get("containerOverrides").get(0).get("command").toString())
                .isEqualTo("[\"python\",\"manage.py\",\"createsuperuser\",\"--no-input\"]");
    }

    @Test
    void badCommandIsRefusedBeforeAnyAwsCall() {
        aws.clearCalls();
        Program.Result unbalanced = program().action(Map.of("operation", "run", "environment", "alpha", "command", "echo 'oops"));
        Program.Result missing = program().action(Map.of("operation", "run", "environment", "alpha"));
        Program.Result blank = program().cli("run", "alpha", "--command", "  ");

        assertThat(List.of(unbalanced, missing, blank)).allSatisfy(r -> assertThat(r.exitCode()).as(r.log()).isEqualTo(2));
        assertThat(unbalanced.log()).contains("::error::Input 'command' has an unbalanced single quote");
        assertThat(missing.log()).contains("::error::Input 'command' is required for run");
        assertThat(aws.calls()).isEmpty();
    }
}
