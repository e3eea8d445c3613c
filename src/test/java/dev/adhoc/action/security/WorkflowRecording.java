package dev.adhoc.action.security;

import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import dev.adhoc.action.testing.TerraformFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every AWS API call the workflow makes over one environment's life — plan, create, deploy, run,
 * list, stop, start, destroy — driven through the real program with terraform applying
 * examples/ad-hoc on the local AWS. The calls that set up the shared stack are not in it: an
 * administrator applies that stack, not the workflow's role.
 */
final class WorkflowRecording {
    private WorkflowRecording() {}

    /** Runs the life of {@code environment} on a local AWS whose shared stack is applied; fails on any failed operation. */
    static List<LocalAws.Call> record(LocalAws aws, TerraformFixture terraform, Path work, String environment) {
        Program program = new Program(work, terraform.environment());
        List<Map<String, String>> operations = List.of(
                Map.of("operation", "plan", "backend-image-tag", "v1", "frontend-image-tag", "v1"),
                Map.of("operation", "create", "backend-image-tag", "v1", "frontend-image-tag", "v1"),
                Map.of("operation", "deploy", "backend-image-tag", "v2"),
                Map.of("operation", "run", "command", "python manage.py check"),
                Map.of("operation", "list"),
                Map.of("operation", "stop"),
                Map.of("operation", "start"),
                Map.of("operation", "destroy"));
        aws.clearCalls();
        List<LocalAws.Call> calls = new ArrayList<>();
        for (Map<String, String> operation : operations) {
            Map<String, String> inputs = new HashMap<>(Map.of(
                    "environment", environment,
                    "terraform-directory", terraform.adHocDirectory().toString(),
                    "var-file", "local.tfvars",
                    "backend-config", "local.backend.hcl",
                    "database", "task",
                    "health-check-timeout", "2s",
                    "wait-timeout", "10m"));
            inputs.putAll(operation);
            Program.Result result = program.action(inputs);
            if (result.exitCode() != 0) {
                throw new AssertionError(operation.get("operation") + " failed:\n" + result.log());
            }
            calls.addAll(aws.calls());
            aws.clearCalls();
        }
        return calls;
    }
}
