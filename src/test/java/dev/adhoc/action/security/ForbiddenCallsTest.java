package dev.adhoc.action.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table of forbidden calls catches each grant a security review found in the first workflow
 * policy: a policy that gives any one of them back allows at least one forbidden call, so the
 * policy test fails.
 */
class ForbiddenCallsTest {
    private static final List<ForbiddenCalls.Forbidden> FORBIDDEN =
            ForbiddenCalls.all("us-east-1", "123456789012", "Z0PUBLIC", "dev.example.com", "acme-adhoc-state");

    @ParameterizedTest
    @ValueSource(strings = {
        // ECS and ELB writes on any cluster, service or target group
        "{\"Effect\": \"Allow\", \"Action\": [\"ecs:UpdateService\", \"ecs:DeleteService\"], \"Resource\": \"arn:aws:ecs:us-east-1:123456789012:service/*/*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"ecs:DeleteCluster\", \"Resource\": \"arn:aws:ecs:us-east-1:123456789012:cluster/*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"elasticloadbalancing:DeleteTargetGroup\", \"Resource\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/*/*\"}",
        // RunTask of any task definition on any cluster
        "{\"Effect\": \"Allow\", \"Action\": \"ecs:RunTask\", \"Resource\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/*:*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"ecs:RunTask\", \"Resource\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/adhoc-*\"}",
        // every RDS-managed secret of the account
        "{\"Effect\": \"Allow\", \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!*\"}",
        // task roles created without a boundary, boundaries removed or replaced, the boundary rewritten
        "{\"Effect\": \"Allow\", \"Action\": \"iam:CreateRole\", \"Resource\": \"arn:aws:iam::123456789012:role/adhoc-*-task\"}",
        "{\"Effect\": \"Allow\", \"Action\": [\"iam:DeleteRolePermissionsBoundary\", \"iam:PutRolePermissionsBoundary\"], \"Resource\": \"arn:aws:iam::123456789012:role/adhoc-*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"iam:CreatePolicyVersion\", \"Resource\": \"*\"}",
        // roles passed to any service
        "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::123456789012:role/adhoc-*-task\"}",
        // the whole zone's records
        "{\"Effect\": \"Allow\", \"Action\": \"route53:ChangeResourceRecordSets\", \"Resource\": \"arn:aws:route53:::hostedzone/Z0PUBLIC\"}",
        // the shared stack's state rewritten
        "{\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::acme-adhoc-state/*\"}",
    })
    void eachReviewedGrantAllowsAForbiddenCall(String grant) {
        IamPolicy policy = IamPolicy.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + grant + "]}");

        assertThat(FORBIDDEN).filteredOn(call -> policy.evaluate(call.request()).allowed()).isNotEmpty();
    }
}
