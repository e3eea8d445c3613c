package dev.adhoc.action.security;

import java.util.List;

/**
 * Calls the workflow role must never be allowed to make, whatever the previews need: they reach
 * production-named clusters, services, target groups, listeners, secrets, parameters, buckets
 * and log groups, create or change roles around the permissions boundary, or change DNS records
 * outside the previews' names.
 */
final class ForbiddenCalls {
    private ForbiddenCalls() {}

    /** One such call and what it would do. */
    record Forbidden(String what, AuthorizationRequest request) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Forbidden> all(String region, String account, String zoneId, String domain, String stateBucket) {
        String ecs = "arn:aws:ecs:" + region + ":" + account + ":";
        String elb = "arn:aws:elasticloadbalancing:" + region + ":" + account + ":";
        String iam = "arn:aws:iam::" + account + ":";
        String task = iam + "role/adhoc-proof-task";
        String boundary = iam + "policy/adhoc-task-boundary";
        String zone = "arn:aws:route53:::hostedzone/" + zoneId;
        String names = "route53:ChangeResourceRecordSetsNormalizedRecordNames";
        String types = "route53:ChangeResourceRecordSetsRecordTypes";
        AuthorizationRequest change = AuthorizationRequest.of("route53:ChangeResourceRecordSets", zone).with(types, "A")
                .with("route53:ChangeResourceRecordSetsActions", "UPSERT");
        return List.of(
                new Forbidden("redeploy a production service", AuthorizationRequest.of("ecs:UpdateService", ecs + "service/production/web")
                        .with("ecs:cluster", ecs + "cluster/production")),
                new Forbidden("delete a production service", AuthorizationRequest.of("ecs:DeleteService", ecs + "service/production/web")
                        .with("ecs:cluster", ecs + "cluster/production")),
                new Forbidden("create a service in a production cluster", AuthorizationRequest.of("ecs:CreateService", ecs + "service/production/adhoc-proof-web")
                        .with("ecs:cluster", ecs + "cluster/production")),
                new Forbidden("delete a production cluster", AuthorizationRequest.of("ecs:DeleteCluster", ecs + "cluster/production")),
                new Forbidden("run a preview's task on a production cluster", AuthorizationRequest.of("ecs:RunTask",
                        ecs + "task-definition/adhoc-proof-migrate:1").with("ecs:cluster", ecs + "cluster/production")),
                new Forbidden("run a production task on a production cluster", AuthorizationRequest.of("ecs:RunTask",
                        ecs + "task-definition/production-web:7").with("ecs:cluster", ecs + "cluster/production")),
                new Forbidden("stop a production task", AuthorizationRequest.of("ecs:StopTask", ecs + "task/production/0123456789abcdef")
                        .with("ecs:cluster", ecs + "cluster/production")),
                new Forbidden("modify a production target group", AuthorizationRequest.of("elasticloadbalancing:ModifyTargetGroup",
                        elb + "targetgroup/prod-web/0123456789abcdef")),
                new Forbidden("delete a production target group", AuthorizationRequest.of("elasticloadbalancing:DeleteTargetGroup",
                        elb + "targetgroup/prod-web/0123456789abcdef")),
                new Forbidden("add a rule to a production load balancer", AuthorizationRequest.of("elasticloadbalancing:CreateRule",
                        elb + "listener/app/production/0123456789abcdef/fedcba9876543210")),
                new Forbidden("delete a production listener rule", AuthorizationRequest.of("elasticloadbalancing:DeleteRule",
                        elb + "listener-rule/app/production/0123456789abcdef/fedcba9876543210/0011223344556677")),
                new Forbidden("read another database's RDS secret", AuthorizationRequest.of("secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:" + region + ":" + account + ":secret:rds!db-other-AbCdEf")),
                new Forbidden("read a production secret", AuthorizationRequest.of("secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:" + region + ":" + account + ":secret:production/django-AbCdEf")),
                new Forbidden("create a task role without the boundary", AuthorizationRequest.of("iam:CreateRole", task)),
                new Forbidden("create a task role with another boundary", AuthorizationRequest.of("iam:CreateRole", task)
                        .with("iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess")),
                new Forbidden("create a role outside the prefix", AuthorizationRequest.of("iam:CreateRole", iam + "role/production-app")
                        .with("iam:PermissionsBoundary", boundary)),
                new Forbidden("remove a task role's boundary", AuthorizationRequest.of("iam:DeleteRolePermissionsBoundary", task)
                        .with("iam:PermissionsBoundary", boundary)),
                new Forbidden("replace a task role's boundary", AuthorizationRequest.of("iam:PutRolePermissionsBoundary", task)
                        .with("iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess")),
                new Forbidden("rewrite the boundary policy", AuthorizationRequest.of("iam:CreatePolicyVersion", boundary)),
                new Forbidden("give a production role an inline policy", AuthorizationRequest.of("iam:PutRolePolicy", iam + "role/production-app")),
                new Forbidden("pass a role outside the prefix", AuthorizationRequest.of("iam:PassRole", iam + "role/production-app")
                        .with("iam:PassedToService", "ecs-tasks.amazonaws.com")),
                new Forbidden("pass a task role to Lambda", AuthorizationRequest.of("iam:PassRole", task)
                        .with("iam:PassedToService", "lambda.amazonaws.com")),
                new Forbidden("pass a task role to EC2", AuthorizationRequest.of("iam:PassRole", task)
                        .with("iam:PassedToService", "ec2.amazonaws.com")),
                new Forbidden("change the domain's apex record", change.with(names, domain)),
                new Forbidden("change www of the domain", change.with(names, "www." + domain)),
                new Forbidden("change www along with a preview's record", change.with(names, "proof." + domain, "www." + domain)),
                new Forbidden("change a record outside the preview domain", change.with(names, "proof.example.com")),
                new Forbidden("change a record in another zone", AuthorizationRequest.of("route53:ChangeResourceRecordSets",
                        "arn:aws:route53:::hostedzone/ZPRODUCTION").with(types, "A").with(names, "proof." + domain)),
                new Forbidden("read another bucket's objects", AuthorizationRequest.of("s3:GetObject", "arn:aws:s3:::production-assets/index.html")),
                new Forbidden("write another bucket's objects", AuthorizationRequest.of("s3:PutObject", "arn:aws:s3:::production-assets/index.html")),
                new Forbidden("delete another bucket", AuthorizationRequest.of("s3:DeleteBucket", "arn:aws:s3:::production-assets")),
                new Forbidden("rewrite the shared stack's state", AuthorizationRequest.of("s3:PutObject",
                        "arn:aws:s3:::" + stateBucket + "/shared/terraform.tfstate")),
                new Forbidden("read a parameter outside the manifests", AuthorizationRequest.of("ssm:GetParameter",
                        "arn:aws:ssm:" + region + ":" + account + ":parameter/production/database-url")),
                new Forbidden("write a parameter outside the manifests", AuthorizationRequest.of("ssm:PutParameter",
                        "arn:aws:ssm:" + region + ":" + account + ":parameter/production/database-url")),
                new Forbidden("delete a log group outside the prefix", AuthorizationRequest.of("logs:DeleteLogGroup",
                        "arn:aws:logs:" + region + ":" + account + ":log-group:/ecs/production")),
                new Forbidden("open a shell in a production task", AuthorizationRequest.of("ecs:ExecuteCommand", ecs + "task/production/0123456789abcdef")
                        .with("ecs:cluster", ecs + "cluster/production")));
    }
}
