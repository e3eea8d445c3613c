package dev.adhoc.action.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.SharedStack;
import dev.adhoc.action.testing.TerraformFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The workflow role's policy is enough and not more: every AWS API call of an environment's
 * whole life — the program's and terraform's, recorded on the local AWS — is allowed by the
 * policy the shared module renders for this stack, as IAM would evaluate it, and every call
 * of {@link ForbiddenCalls} is denied.
 */
class WorkflowPolicyIT {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012"; // the local AWS's account
    @TempDir
    static Path work;
    private static EcsClient ecs;
    private static TerraformFixture terraform;
    private static WorkflowRecording.Recording recording;
    private static IamPolicy policy;
    private static String zoneId;
    private static String domain;

    @BeforeAll
    static void recordTheLifeOfAnEnvironment() throws IOException {
        SharedStack stack = SharedStack.get();
        terraform = stack.terraform();
        ecs = EcsClient.builder().endpointOverride(stack.aws().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build();
        policy = IamPolicy.parse(renderedPolicy());
        recording = WorkflowRecording.record(stack.aws(), terraform, work, "proof");
    }

    @AfterAll
    static void stop() {
        if (ecs != null) ecs.close();
    }

    /** The policy the shared module renders for this stack (output {@code workflow_policy_json}). */
    private static String renderedPolicy() throws IOException {
        JsonNode outputs = new ObjectMapper().readTree(terraform.terraform("examples/shared", "output", "-json"));
        zoneId = outputs.path("route53_zone_id").path("value").asText();
        domain = outputs.path("domain").path("value").asText();
        return outputs.path("workflow_policy_json").path("value").asText();
    }

    @Test
    void everyCallOfTheLifecycleIsAllowed() {
        CallAuthorizations authorizations = new CallAuthorizations(REGION, ACCOUNT, new CallAuthorizations.Lookups() {
            @Override
            public List<String> taskDefinitionRoles(String taskDefinition) {
                return rolesOf(taskDefinition);
            }

            @Override
            public CallAuthorizations.SecurityGroup securityGroup(String groupId) {
                return recording.securityGroups().get(groupId);
            }
        });
        List<String> denied = new ArrayList<>();
        List<AuthorizationRequest> checked = new ArrayList<>();
        for (LocalAws.Call call : recording.calls()) {
            for (AuthorizationRequest request : authorizations.of(call)) {
                checked.add(request);
                IamPolicy.Result result = policy.evaluate(request);
                if (!result.allowed()) denied.add(result.decision() + " (" + result.statement() + "): " + request);
            }
        }

        assertThat(denied).as("calls of the lifecycle the policy refuses").isEmpty();
        // the record is the whole life: creation, rollout, one-off tasks, scaling, DNS, teardown
        assertThat(checked).extracting(AuthorizationRequest::action).contains("ecs:CreateCluster", "ecs:RegisterTaskDefinition",
                "ecs:RunTask", "ecs:UpdateService", "iam:PassRole", "iam:CreateRole", "elasticloadbalancing:CreateRule",
                "route53:ChangeResourceRecordSets", "s3:PutObject", "ssm:GetParametersByPath", "ecs:DeleteCluster");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void whatReachesBeyondThePreviewsIsDenied(ForbiddenCalls.Forbidden call) {
        IamPolicy.Result result = policy.evaluate(call.request());
        assertThat(result.allowed()).as("%s is allowed by %s: %s", call.what(), result.statement(), call.request()).isFalse();
    }

    static List<ForbiddenCalls.Forbidden> forbidden() {
        return ForbiddenCalls.all(REGION, ACCOUNT, zoneId, domain, "adhoc-local-state");
    }

    /** The roles of a task definition no recorded call registered: the shared stack's, read from the local AWS. */
    private static List<String> rolesOf(String taskDefinition) {
        TaskDefinition definition = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)).taskDefinition();
        return Stream.of(definition.taskRoleArn(), definition.executionRoleArn()).filter(role -> role != null && !role.isEmpty()).toList();
    }
}
