package dev.adhoc.action.security;

import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import dev.adhoc.action.testing.TerraformFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Every AWS API call the workflow makes over one environment's life — plan, create, deploy, plan, run,
 * list, cleanup (dry run), stop, start, destroy — driven through the real program with terraform applying
 * examples/ad-hoc on the local AWS. The calls that set up the shared stack are not in it: an
 * administrator applies that stack, not the workflow's role.
 */
final class WorkflowRecording {
    private WorkflowRecording() {}

    /** The calls, and the security groups that existed meanwhile (IAM reads their VPC and tags). */
    record Recording(List<LocalAws.Call> calls, Map<String, CallAuthorizations.SecurityGroup> securityGroups) {}

    /** Runs the life of {@code environment} on a local AWS whose shared stack is applied; fails on any failed operation. */
    static Recording record(LocalAws aws, TerraformFixture terraform, Path work, String environment) {
        Program program = new Program(work, terraform.processEnvironment());
        List<Map<String, String>> operations = List.of(
                Map.of("operation", "plan", "backend-image-tag", "v1", "frontend-image-tag", "v1"),
                Map.of("operation", "create", "backend-image-tag", "v1", "frontend-image-tag", "v1"),
                Map.of("operation", "deploy", "backend-image-tag", "v2"),
                Map.of("operation", "plan"),
                Map.of("operation", "run", "command", "python manage.py check"),
                Map.of("operation", "list"),
                Map.of("operation", "cleanup", "older-than", "30d", "dry-run", "true"),
                Map.of("operation", "stop"),
                Map.of("operation", "start"),
                Map.of("operation", "destroy"));
        aws.clearCalls();
        List<LocalAws.Call> calls = new ArrayList<>();
        Map<String, CallAuthorizations.SecurityGroup> securityGroups = new HashMap<>();
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
            securityGroups.putAll(securityGroups(aws));
            aws.clearCalls();
        }
        return new Recording(List.copyOf(calls), Map.copyOf(securityGroups));
    }

    private static Map<String, CallAuthorizations.SecurityGroup> securityGroups(LocalAws aws) {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            Map<String, CallAuthorizations.SecurityGroup> groups = new HashMap<>();
            for (SecurityGroup group : ec2.describeSecurityGroups().securityGroups()) {
                Map<String, String> tags = new HashMap<>();
                group.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
                groups.put(group.groupId(), new CallAuthorizations.SecurityGroup(group.vpcId(), Map.copyOf(tags)));
            }
            return groups;
        }
    }
}
