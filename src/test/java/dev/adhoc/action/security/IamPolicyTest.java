package dev.adhoc.action.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.security.IamPolicy.Decision;
import org.junit.jupiter.api.Test;

class IamPolicyTest {
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/";

    private static IamPolicy policy(String statements) {
        return IamPolicy.parse("{\"Version\": \"2012-10-17\", \"Statement\": " + statements + "}");
    }

    private static Decision decide(IamPolicy policy, AuthorizationRequest request) {
        return policy.evaluate(request).decision();
    }

    @Test
    void nothingMatchingIsDeniedByDefault() {
        IamPolicy policy = policy("{\"Effect\": \"Allow\", \"Action\": \"ecs:DescribeServices\", \"Resource\": \"*\"}");

        assertThat(decide(policy, AuthorizationRequest.of("ecs:DescribeServices", CLUSTER + "x"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, AuthorizationRequest.of("ecs:UpdateService", CLUSTER + "x"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(policy.evaluate(AuthorizationRequest.of("ecs:UpdateService", "*")).statement()).isNull();
    }

    @Test
    void actionsMatchWildcardsIgnoringCase() {
        IamPolicy policy = policy("[{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": [\"ecs:Describe*\", \"logs:Get?ogEvents\"], \"Resource\": \"*\"}]");

        assertThat(policy.evaluate(AuthorizationRequest.of("ECS:describeServices", "*"))).isEqualTo(new IamPolicy.Result(Decision.ALLOWED, "Read"));
        assertThat(decide(policy, AuthorizationRequest.of("logs:GetLogEvents", "*"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, AuthorizationRequest.of("logs:GetxxLogEvents", "*"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, AuthorizationRequest.of("ecs:ListServices", "*"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, AuthorizationRequest.of("ecr:DescribeImages", "*"))).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void notActionAppliesToEveryOtherAction() {
        IamPolicy policy = policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}");

        assertThat(decide(policy, AuthorizationRequest.of("s3:GetObject", "arn:aws:s3:::b/k"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, AuthorizationRequest.of("iam:CreateRole", "arn:aws:iam::123456789012:role/r"))).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void resourcesMatchComponentByComponent() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "ecs:*", "Resource": ["arn:aws:ecs:*:123456789012:cluster/adhoc-*", "arn:aws:ecs:us-east-1:123456789012:service/adhoc-??/*"]}""");

        assertThat(decide(policy, AuthorizationRequest.of("ecs:DeleteCluster", CLUSTER + "adhoc-alpha"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, AuthorizationRequest.of("ecs:DeleteCluster", CLUSTER + "production"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, AuthorizationRequest.of("ecs:DeleteCluster", "arn:aws:ecs:us-east-1:999999999999:cluster/adhoc-alpha")))
                .isEqualTo(Decision.IMPLICITLY_DENIED);
        // a region wildcard stays within the region: it cannot swallow the account's colon
        assertThat(decide(policy, AuthorizationRequest.of("ecs:DeleteCluster", "arn:aws:ecs:us-east-1:x:123456789012:cluster/adhoc-a")))
                .isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, AuthorizationRequest.of("ecs:UpdateService", "arn:aws:ecs:us-east-1:123456789012:service/adhoc-ab/web")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, AuthorizationRequest.of("ecs:UpdateService", "arn:aws:ecs:us-east-1:123456789012:service/adhoc-abc/web")))
                .isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void aBucketWildcardAlsoCoversItsObjects() {
        IamPolicy policy = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::adhoc-*\"}");

        assertThat(decide(policy, AuthorizationRequest.of("s3:GetObject", "arn:aws:s3:::adhoc-alpha/static/app.js"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, AuthorizationRequest.of("s3:GetObject", "arn:aws:s3:::production/app.js"))).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void notResourceAppliesToEveryOtherResource() {
        IamPolicy policy = policy("""
                [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
                 {"Sid": "OnlyPreviews", "Effect": "Deny", "Action": "ecs:*", "NotResource": "arn:aws:ecs:*:*:cluster/adhoc-*"}]""");

        assertThat(decide(policy, AuthorizationRequest.of("ecs:DeleteCluster", CLUSTER + "adhoc-a"))).isEqualTo(Decision.ALLOWED);
        assertThat(policy.evaluate(AuthorizationRequest.of("ecs:DeleteCluster", CLUSTER + "production")))
                .isEqualTo(new IamPolicy.Result(Decision.EXPLICITLY_DENIED, "OnlyPreviews"));
    }

    @Test
    void anExplicitDenyWinsWhereverItStands() {
        String allow = "{\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\"}";
        String deny = "{\"Effect\": \"Deny\", \"Action\": \"iam:DeleteRolePermissionsBoundary\", \"Resource\": \"*\"}";
        AuthorizationRequest removal = AuthorizationRequest.of("iam:DeleteRolePermissionsBoundary", "arn:aws:iam::123456789012:role/adhoc-a-task");

        assertThat(decide(policy("[" + allow + "," + deny + "]"), removal)).isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(decide(policy("[" + deny + "," + allow + "]"), removal)).isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(decide(policy("[" + deny + "," + allow + "]"), AuthorizationRequest.of("iam:GetRole", "*"))).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void stringEqualsNeedsTheKeyAndOneOfItsValues() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                 "Condition": {"StringEquals": {"iam:PassedToService": ["ecs-tasks.amazonaws.com", "ecs.amazonaws.com"]}}}""");
        AuthorizationRequest pass = AuthorizationRequest.of("iam:PassRole", "arn:aws:iam::123456789012:role/adhoc-a-task");

        assertThat(decide(policy, pass.with("iam:PassedToService", "ecs-tasks.amazonaws.com"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, pass.with("IAM:passedToService", "ecs.amazonaws.com"))).as("key names ignore case").isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, pass.with("iam:PassedToService", "lambda.amazonaws.com"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, pass.with("iam:PassedToService", "ECS-TASKS.amazonaws.com"))).as("values are case-sensitive")
                .isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, pass)).as("key missing").isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void everyKeyAndEveryOperatorMustHold() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*",
                 "Condition": {"ArnLike": {"ecs:cluster": "arn:aws:ecs:*:*:cluster/adhoc-*"},
                               "StringEquals": {"aws:RequestedRegion": "us-east-1", "ecs:launch-type": "FARGATE"}}}""");
        AuthorizationRequest run = AuthorizationRequest.of("ecs:RunTask", "arn:aws:ecs:us-east-1:123456789012:task-definition/adhoc-a-migrate:3")
                .with("ecs:cluster", CLUSTER + "adhoc-a").with("aws:RequestedRegion", "us-east-1");

        assertThat(decide(policy, run.with("ecs:launch-type", "FARGATE"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, run.with("ecs:launch-type", "EC2"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, run)).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, run.with("ecs:launch-type", "FARGATE").with("ecs:cluster", CLUSTER + "production")))
                .isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void negatedOperatorsHoldWhenTheKeyIsMissingAndWhenNoValueMatches() {
        IamPolicy policy = policy("""
                [{"Effect": "Allow", "Action": "route53:ChangeResourceRecordSets", "Resource": "*"},
                 {"Effect": "Deny", "Action": "route53:ChangeResourceRecordSets", "Resource": "*",
                  "Condition": {"StringNotLike": {"route53:ChangeResourceRecordSetsNormalizedRecordNames": "*.dev.example.com"}}},
                 {"Effect": "Deny", "Action": "route53:ChangeResourceRecordSets", "Resource": "*",
                  "Condition": {"StringNotEquals": {"route53:ChangeResourceRecordSetsRecordTypes": ["A", "AAAA"]}}}]""");
        AuthorizationRequest change = AuthorizationRequest.of("route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/Z1");

        assertThat(decide(policy, change.with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "a.dev.example.com")
                .with("route53:ChangeResourceRecordSetsRecordTypes", "A"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, change.with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "dev.example.com")
                .with("route53:ChangeResourceRecordSetsRecordTypes", "A"))).isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(decide(policy, change.with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "a.dev.example.com")
                .with("route53:ChangeResourceRecordSetsRecordTypes", "A", "TXT"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, change.with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "a.dev.example.com")
                .with("route53:ChangeResourceRecordSetsRecordTypes", "TXT"))).isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(decide(policy, change)).as("keys missing: the negated conditions hold").isEqualTo(Decision.EXPLICITLY_DENIED);
    }

    @Test
    void forAllValuesNeedsEveryValueToMatchAndHoldsVacuously() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "route53:ChangeResourceRecordSets", "Resource": "*",
                 "Condition": {"ForAllValues:StringLike": {"route53:ChangeResourceRecordSetsNormalizedRecordNames": ["adhoc-*.dev.example.com", "_acme.dev.example.com"]}}}""");
        AuthorizationRequest change = AuthorizationRequest.of("route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/Z1");
        String names = "route53:ChangeResourceRecordSetsNormalizedRecordNames";

        assertThat(decide(policy, change.with(names, "adhoc-a.dev.example.com", "_acme.dev.example.com"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, change.with(names, "adhoc-a.dev.example.com", "www.dev.example.com"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        // the well-known trap of ForAllValues: no values at all pass; policies pair it with a Null check
        assertThat(decide(policy, change)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void forAnyValueNeedsOneMatchingValue() {
        IamPolicy policy = policy("""
                {"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["owner", "cost-center"]}}}""");
        AuthorizationRequest tag = AuthorizationRequest.of("ecs:TagResource", CLUSTER + "a");

        assertThat(decide(policy, tag.with("aws:TagKeys", "team", "owner"))).isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(decide(policy, tag.with("aws:TagKeys", "team"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, tag)).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void forAllValuesWithANegatedOperatorNeedsEveryValueOutsideTheList() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*",
                 "Condition": {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["owner"]}}}""");
        AuthorizationRequest tag = AuthorizationRequest.of("ecs:TagResource", CLUSTER + "a");

        assertThat(decide(policy, tag.with("aws:TagKeys", "team", "env"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, tag.with("aws:TagKeys", "team", "owner"))).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void arnConditionsCompareComponentByComponent() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "arn:aws:iam::123456789012:role/adhoc-*",
                 "Condition": {"ArnEquals": {"iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/adhoc-task-boundary"}}}""");
        AuthorizationRequest create = AuthorizationRequest.of("iam:CreateRole", "arn:aws:iam::123456789012:role/adhoc-a-task");

        assertThat(decide(policy, create.with("iam:PermissionsBoundary", "arn:aws:iam::123456789012:policy/adhoc-task-boundary")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, create.with("iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess")))
                .isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, create)).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void nullTestsWhetherTheKeyIsThere() {
        IamPolicy policy = policy("""
                [{"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*"},
                 {"Sid": "NeedsBoundary", "Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*",
                  "Condition": {"Null": {"iam:PermissionsBoundary": "true"}}}]""");
        AuthorizationRequest create = AuthorizationRequest.of("iam:CreateRole", "arn:aws:iam::123456789012:role/adhoc-a-task");

        assertThat(policy.evaluate(create)).isEqualTo(new IamPolicy.Result(Decision.EXPLICITLY_DENIED, "NeedsBoundary"));
        assertThat(decide(policy, create.with("iam:PermissionsBoundary", "arn:aws:iam::123456789012:policy/b"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy("""
                {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*", "Condition": {"Null": {"iam:PermissionsBoundary": "false"}}}"""),
                create)).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void boolAndIfExists() {
        IamPolicy policy = policy("""
                {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
                 "Condition": {"Bool": {"aws:SecureTransport": true}, "StringEqualsIfExists": {"s3:x-amz-acl": "private"}}}""");
        AuthorizationRequest put = AuthorizationRequest.of("s3:PutObject", "arn:aws:s3:::b/k");

        assertThat(decide(policy, put.with("aws:SecureTransport", "true"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, put.with("aws:SecureTransport", "true").with("s3:x-amz-acl", "private"))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, put.with("aws:SecureTransport", "true").with("s3:x-amz-acl", "public-read")))
                .isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, put.with("aws:SecureTransport", "false"))).isEqualTo(Decision.IMPLICITLY_DENIED);
        assertThat(decide(policy, put)).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void whatItCannotJudgeItRefuses() {
        assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"k\": \"1\"}}}"))
                .hasMessageContaining("NumericLessThan");
        assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"arn:aws:iam::1:user/${aws:username}\"}"))
                .hasMessageContaining("policy variables");
        assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}"))
                .hasMessageContaining("Principal");
        assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"Action\": \"*\"}")).hasMessageContaining("Resource");
        assertThatThrownBy(() -> policy("{\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}")).hasMessageContaining("Effect");
        assertThatThrownBy(() -> IamPolicy.parse("{\"Version\": \"2012-10-17\"}")).hasMessageContaining("no Statement");
    }

    @Test
    void wildcardsMatchAnyRunOrOneCharacter() {
        assertThat(Wildcards.matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Wildcards.matches("a*b*c", "aXXbYY")).isFalse();
        assertThat(Wildcards.matches("*", "")).isTrue();
        assertThat(Wildcards.matches("a?c", "abc")).isTrue();
        assertThat(Wildcards.matches("a?c", "ac")).isFalse();
        assertThat(Wildcards.matches("*.dev.example.com", "dev.example.com")).isFalse();
        assertThat(Wildcards.matches("*abab", "xabababab")).isTrue();
    }
}
