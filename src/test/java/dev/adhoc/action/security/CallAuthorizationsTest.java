package dev.adhoc.action.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.testing.LocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallAuthorizationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECS = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String EXECUTION = "arn:aws:iam::123456789012:role/adhoc-ecs-execution";

    private final CallAuthorizations authorizations = new CallAuthorizations("us-east-1", "123456789012", new CallAuthorizations.Lookups() {
        @Override
        public List<String> taskDefinitionRoles(String taskDefinition) {
            return List.of(EXECUTION);
        }

        @Override
        public CallAuthorizations.SecurityGroup securityGroup(String groupId) {
            return groupId.equals("sg-1") ? new CallAuthorizations.SecurityGroup("vpc-1", Map.of("adhoc:environment", "a")) : null;
        }
    });

    private static LocalAws.Call call(String service, String action, String body) {
        try {
            return new LocalAws.Call(service, action, JSON.readTree(body), null);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static LocalAws.Call rest(String service, String method, String path, String query, String xml) {
        JsonNode request = JSON.valueToTree(Map.of("method", method, "host", "127.0.0.1", "path", path, "query", query, "xml", xml));
        return new LocalAws.Call(service, method + " " + path, null, request);
    }

    @Test
    void runTaskIsCheckedOnItsTaskDefinitionWithTheClusterAndPassesItsRoles() {
        List<AuthorizationRequest> requests = authorizations.of(call("ecs", "RunTask",
                "{\"cluster\": \"adhoc-admin\", \"taskDefinition\": \"adhoc-dbadmin\", \"overrides\": {\"taskRoleArn\": \"arn:aws:iam::123456789012:role/x\"}}"));

        assertThat(requests).containsExactly(
                AuthorizationRequest.of("ecs:RunTask", ECS + "task-definition/adhoc-dbadmin:*").with("ecs:cluster", ECS + "cluster/adhoc-admin"),
                AuthorizationRequest.of("iam:PassRole", EXECUTION).with("iam:PassedToService", "ecs-tasks.amazonaws.com"),
                AuthorizationRequest.of("iam:PassRole", "arn:aws:iam::123456789012:role/x").with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
    }

    @Test
    void aRegisteredTaskDefinitionsRolesArePassedWhenAServiceRunsIt() {
        authorizations.of(call("ecs", "RegisterTaskDefinition", "{\"family\": \"adhoc-a-web\", \"taskRoleArn\": \"arn:aws:iam::123456789012:role/adhoc-a-task\","
                + " \"executionRoleArn\": \"" + EXECUTION + "\", \"tags\": [{\"key\": \"adhoc:environment\", \"value\": \"a\"}]}"));

        List<AuthorizationRequest> requests = authorizations.of(call("ecs", "UpdateService",
                "{\"cluster\": \"adhoc-a\", \"service\": \"adhoc-a-web\", \"taskDefinition\": \"" + ECS + "task-definition/adhoc-a-web:2\"}"));

        assertThat(requests).extracting(AuthorizationRequest::action, AuthorizationRequest::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ecs:UpdateService", ECS + "service/adhoc-a/adhoc-a-web"),
                org.assertj.core.groups.Tuple.tuple("iam:PassRole", "arn:aws:iam::123456789012:role/adhoc-a-task"),
                org.assertj.core.groups.Tuple.tuple("iam:PassRole", EXECUTION));
        assertThat(requests.get(0).values("ecs:cluster")).containsExactly(ECS + "cluster/adhoc-a");
        assertThat(authorizations.of(call("ecs", "UpdateService", "{\"cluster\": \"adhoc-a\", \"service\": \"adhoc-a-web\", \"desiredCount\": 0}")))
                .as("scaling passes no role").hasSize(1);
    }

    @Test
    void createRoleCarriesItsBoundaryAndTagsAndLaterCallsOnTheRoleKnowIt() {
        String boundary = "arn:aws:iam::123456789012:policy/adhoc-task-boundary";
        List<AuthorizationRequest> create = authorizations.of(call("iam", "CreateRole", "{\"RoleName\": \"adhoc-a-task\", \"Path\": \"/\","
                + " \"PermissionsBoundary\": \"" + boundary + "\", \"Tags.member.1.Key\": \"adhoc:environment\", \"Tags.member.1.Value\": \"a\"}"));

        assertThat(create).extracting(AuthorizationRequest::action).containsExactly("iam:CreateRole", "iam:TagRole");
        assertThat(create.get(0).values("iam:PermissionsBoundary")).containsExactly(boundary);
        assertThat(create.get(0).values("aws:TagKeys")).containsExactly("adhoc:environment");
        assertThat(authorizations.of(call("iam", "PutRolePolicy", "{\"RoleName\": \"adhoc-a-task\", \"PolicyName\": \"application\"}")).get(0)
                .values("iam:PermissionsBoundary")).containsExactly(boundary);
        assertThat(authorizations.of(call("iam", "CreateRole", "{\"RoleName\": \"adhoc-b-task\"}")).get(0).values("iam:PermissionsBoundary")).isNull();
    }

    @Test
    void recordChangesCarryTheirNormalizedNamesTypesAndActions() {
        String xml = "<ChangeResourceRecordSetsRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ChangeBatch><Changes>"
                + "<Change><Action>CREATE</Action><ResourceRecordSet><Name>Alpha.Adhoc.Test.</Name><Type>A</Type></ResourceRecordSet></Change>"
                + "<Change><Action>DELETE</Action><ResourceRecordSet><Name>\\052.adhoc.test</Name><Type>TXT</Type></ResourceRecordSet></Change>"
                + "</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>";

        AuthorizationRequest change = authorizations.of(rest("route53", "POST", "/2013-04-01/hostedzone/Z1/rrset", "", xml)).get(0);

        assertThat(change.action()).isEqualTo("route53:ChangeResourceRecordSets");
        assertThat(change.resource()).isEqualTo("arn:aws:route53:::hostedzone/Z1");
        assertThat(change.values("route53:ChangeResourceRecordSetsNormalizedRecordNames")).containsExactly("alpha.adhoc.test", "*.adhoc.test");
        assertThat(change.values("route53:ChangeResourceRecordSetsRecordTypes")).containsExactly("A", "TXT");
        assertThat(change.values("route53:ChangeResourceRecordSetsActions")).containsExactly("CREATE", "DELETE");
    }

    @Test
    void s3CallsAreNamedByMethodPathAndSubresource() {
        assertThat(authorizations.of(rest("s3", "GET", "/state", "list-type=2&prefix=env%3A%2F", "")))
                .containsExactly(AuthorizationRequest.of("s3:ListBucket", "arn:aws:s3:::state").with("s3:prefix", "env:/"));
        assertThat(authorizations.of(rest("s3", "PUT", "/state/env:/a/ad-hoc/terraform.tfstate", "x-id=PutObject", "")))
                .containsExactly(AuthorizationRequest.of("s3:PutObject", "arn:aws:s3:::state/env:/a/ad-hoc/terraform.tfstate"));
        assertThat(authorizations.of(rest("s3", "DELETE", "/adhoc-a-bucket", "publicAccessBlock=", "")))
                .containsExactly(AuthorizationRequest.of("s3:PutBucketPublicAccessBlock", "arn:aws:s3:::adhoc-a-bucket"));
        assertThat(authorizations.of(rest("s3", "GET", "/adhoc-a-bucket", "object-lock=", "")))
                .containsExactly(AuthorizationRequest.of("s3:GetBucketObjectLockConfiguration", "arn:aws:s3:::adhoc-a-bucket"));
        assertThatThrownBy(() -> authorizations.of(rest("s3", "PUT", "/adhoc-a-bucket", "inventory=", "")))
                .hasMessageContaining("no IAM mapping for S3 PUT");
    }

    @Test
    void securityGroupChangesCarryTheGroupsVpcAndTagsAndCreationsTheirTags() {
        List<AuthorizationRequest> create = authorizations.of(call("ec2", "CreateSecurityGroup", "{\"GroupName\": \"adhoc-a-tasks\", \"VpcId\": \"vpc-1\","
                + " \"TagSpecification.1.ResourceType\": \"security-group\", \"TagSpecification.1.Tag.1.Key\": \"adhoc:environment\","
                + " \"TagSpecification.1.Tag.1.Value\": \"a\"}"));
        List<AuthorizationRequest> ingress = authorizations.of(call("ec2", "AuthorizeSecurityGroupIngress", "{\"GroupId\": \"sg-1\"}"));

        assertThat(create).extracting(AuthorizationRequest::action, AuthorizationRequest::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ec2:CreateSecurityGroup", "arn:aws:ec2:us-east-1:123456789012:security-group/*"),
                org.assertj.core.groups.Tuple.tuple("ec2:CreateSecurityGroup", "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1"),
                org.assertj.core.groups.Tuple.tuple("ec2:CreateTags", "arn:aws:ec2:us-east-1:123456789012:security-group/*"));
        assertThat(create.get(0).values("aws:RequestTag/adhoc:environment")).containsExactly("a");
        assertThat(create.get(2).values("ec2:CreateAction")).containsExactly("CreateSecurityGroup");
        assertThat(ingress.get(0).resource()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:security-group/sg-1");
        assertThat(ingress.get(0).values("ec2:Vpc")).containsExactly("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1");
        assertThat(ingress.get(0).values("aws:ResourceTag/adhoc:environment")).containsExactly("a");
        assertThat(ingress.get(1).resource()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:security-group-rule/*");
    }

    @Test
    void anActionTheTableDoesNotKnowFailsLoudly() {
        assertThatThrownBy(() -> authorizations.of(call("rds", "DeleteDBInstance", "{}")))
                .hasMessageContaining("no IAM mapping for rds:DeleteDBInstance");
        assertThatThrownBy(() -> authorizations.of(rest("lambda", "POST", "/2015-03-31/functions", "", "")))
                .hasMessageContaining("no IAM mapping for lambda");
    }
}
