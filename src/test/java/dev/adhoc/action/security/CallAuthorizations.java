package dev.adhoc.action.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adhoc.action.testing.LocalAws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What IAM checks for each AWS API call recorded on the local AWS: the IAM action, the ARN of
 * every resource it concerns and the request's condition keys, per the Service Authorization
 * Reference, plus the checks a call implies (iam:PassRole of the roles a task definition names,
 * iam:TagRole / ssm:AddTagsToResource / secretsmanager:TagResource / ec2:CreateTags for tags
 * given on creation). One table entry per action; a call of an action not in the table fails
 * the test that meets it, so a new call never goes unchecked.
 *
 * <p>Parts of an ARN that AWS generates on creation (a target group's id, a secret's random
 * suffix, a task definition's next revision) are unknown to the caller: they are written
 * {@code *} (six characters, {@code RANDOM}, for a secret's suffix), which only a wildcard in
 * the policy matches. Calls are read in order: roles and boundaries seen in earlier calls
 * (RegisterTaskDefinition, CreateRole) give the condition keys of later ones; what no call
 * says (the shared stack's task definitions, a security group's VPC and tags) comes from
 * {@link Lookups}.
 */
final class CallAuthorizations {
    private interface Mapping {
        List<AuthorizationRequest> requests(JsonNode body);
    }

    /** What IAM knows of resources that calls name but do not describe. */
    interface Lookups {
        /** The task and execution roles of a task definition (ARN or family) no recorded call registered. */
        List<String> taskDefinitionRoles(String taskDefinition);

        /** The VPC and tags of a security group while the calls were made, {@code null} if unknown. */
        SecurityGroup securityGroup(String groupId);
    }

    record SecurityGroup(String vpcId, Map<String, String> tags) {}

    private final String region;
    private final String account;
    private final Lookups lookups;
    private final Map<String, List<String>> registeredRoles = new HashMap<>();
    private final Map<String, String> boundaries = new HashMap<>();
    private final Map<String, Mapping> table = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final RestCalls rest = new RestCalls();

    CallAuthorizations(String region, String account, Lookups lookups) {
        this.region = region;
        this.account = account;
        this.lookups = lookups;
        
        ecs();
        elasticLoadBalancing();
        iam();
        logs();
        ssm();
        secretsManager();
        serviceDiscovery();
        ec2();
        table.put("servicequotas:GetServiceQuota", b -> one("servicequotas:GetServiceQuota",
                arn("servicequotas", b.path("ServiceCode").asText() + "/" + b.path("QuotaCode").asText())));
        table.put("sts:GetCallerIdentity", b -> List.of()); // needs no permission: it works even under an explicit deny
    }

    /** The authorization requests of one recorded call; throws for an action the table does not know. */
    List<AuthorizationRequest> of(LocalAws.Call call) {
        if (call.action().contains(" ")) return rest.of(call);
        Mapping mapping = table.get(call.service() + ":" + call.action());
        if (mapping == null) {
            throw new IllegalArgumentException("no IAM mapping for " + call.service() + ":" + call.action()
                    + " (add it to CallAuthorizations so the policy test checks it): " + call.body());
        }
        JsonNode body = call.body() == null ? JsonNodeFactory.instance.objectNode() : call.body();
        return mapping.requests(body);
    }

    // -- ECS ------------------------------------------------------------------------------------
    private void ecs() {
        for (String action : List.of("DescribeTaskDefinition", "DeregisterTaskDefinition", "ListClusters", "ListTaskDefinitions",
                "ListTaskDefinitionFamilies")) {
            table.put("ecs:" + action, b -> one("ecs:" + action, "*"));
        }
        table.put("ecs:CreateCluster", b -> List.of(AuthorizationRequest.of("ecs:CreateCluster", cluster(b.path("clusterName").asText()))
                .withTags(pairs(b.path("tags"), "key", "value"))));
        for (String action : List.of("DeleteCluster", "UpdateCluster", "UpdateClusterSettings")) {
            table.put("ecs:" + action, b -> one("ecs:" + action, cluster(b.path("cluster").asText())));
        }
        table.put("ecs:PutClusterCapacityProviders", b -> List.of(AuthorizationRequest.of("ecs:PutClusterCapacityProviders",
                cluster(b.path("cluster").asText())).with("ecs:capacity-provider", texts(b.path("capacityProviders")))));
        table.put("ecs:DescribeClusters", b -> each("ecs:DescribeClusters", texts(b.path("clusters")).stream().map(this::cluster).toList()));
        table.put("ecs:CreateService", b -> {
            String cluster = cluster(b.path("cluster").asText("default"));
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of("ecs:CreateService",
                            service(cluster, b.path("serviceName").asText()))
                    .with("ecs:cluster", cluster).with("ecs:task-definition", taskDefinition(b.path("taskDefinition").asText()))
                    .withTags(pairs(b.path("tags"), "key", "value"))));
            requests.addAll(passRoles(b.path("taskDefinition").asText()));
            if (b.hasNonNull("role")) requests.add(passRole(b.path("role").asText(), "ecs.amazonaws.com"));
            return requests;
        });
        table.put("ecs:UpdateService", b -> {
            String cluster = cluster(b.path("cluster").asText("default"));
            AuthorizationRequest update = AuthorizationRequest.of("ecs:UpdateService", service(cluster, b.path("service").asText()))
                    .with("ecs:cluster", cluster);
            if (!b.hasNonNull("taskDefinition")) return List.of(update);
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(
                    update.with("ecs:task-definition", taskDefinition(b.path("taskDefinition").asText()))));
            requests.addAll(passRoles(b.path("taskDefinition").asText()));
            return requests;
        });
        for (String action : List.of("DeleteService", "DescribeServices")) {
            table.put("ecs:" + action, b -> {
                String cluster = cluster(b.path("cluster").asText("default"));
                List<String> services = b.has("services") ? texts(b.path("services")) : List.of(b.path("service").asText());
                return services.stream().map(s -> AuthorizationRequest.of("ecs:" + action, service(cluster, s)).with("ecs:cluster", cluster)).toList();
            });
        }
        for (String action : List.of("ListServices", "ListTasks")) {
            table.put("ecs:" + action, b -> List.of(AuthorizationRequest.of("ecs:" + action, "*")
                    .with("ecs:cluster", cluster(b.path("cluster").asText("default")))));
        }
        for (String action : List.of("DescribeTasks", "StopTask")) {
            table.put("ecs:" + action, b -> {
                String cluster = cluster(b.path("cluster").asText("default"));
                List<String> tasks = b.has("tasks") ? texts(b.path("tasks")) : List.of(b.path("task").asText());
                return tasks.stream().map(t -> AuthorizationRequest.of("ecs:" + action, task(cluster, t)).with("ecs:cluster", cluster)).toList();
            });
        }
        table.put("ecs:RunTask", b -> {
            String cluster = cluster(b.path("cluster").asText("default"));
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of("ecs:RunTask",
                    taskDefinition(b.path("taskDefinition").asText())).with("ecs:cluster", cluster)));
            requests.addAll(passRoles(b.path("taskDefinition").asText()));
            JsonNode overrides = b.path("overrides");
            for (String field : List.of("taskRoleArn", "executionRoleArn")) {
                if (overrides.hasNonNull(field)) requests.add(passRole(overrides.path(field).asText(), "ecs-tasks.amazonaws.com"));
            }
            return requests;
        });
        table.put("ecs:RegisterTaskDefinition", b -> {
            String family = b.path("family").asText();
            List<String> roles = new ArrayList<>();
            for (String field : List.of("taskRoleArn", "executionRoleArn")) {
                if (b.hasNonNull(field)) roles.add(b.path(field).asText());
            }
            registeredRoles.put(family, roles);
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of("ecs:RegisterTaskDefinition",
                    arn("ecs", "task-definition/" + family + ":*")).withTags(pairs(b.path("tags"), "key", "value"))));
            roles.forEach(role -> requests.add(passRole(role, "ecs-tasks.amazonaws.com")));
            return requests;
        });
        for (String action : List.of("TagResource", "UntagResource", "ListTagsForResource")) {
            table.put("ecs:" + action, b -> List.of(action.equals("UntagResource")
                    ? AuthorizationRequest.of("ecs:" + action, b.path("resourceArn").asText()).with("aws:TagKeys", texts(b.path("tagKeys")))
                    : AuthorizationRequest.of("ecs:" + action, b.path("resourceArn").asText()).withTags(pairs(b.path("tags"), "key", "value"))));
        }
    }

    private String cluster(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : arn("ecs", "cluster/" + nameOrArn);
    }

    private String service(String clusterArn, String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) return nameOrArn;
        return arn("ecs", "service/" + clusterArn.substring(clusterArn.indexOf("cluster/") + "cluster/".length()) + "/" + nameOrArn);
    }

    private String task(String clusterArn, String idOrArn) {
        if (idOrArn.startsWith("arn:")) return idOrArn;
        return arn("ecs", "task/" + clusterArn.substring(clusterArn.indexOf("cluster/") + "cluster/".length()) + "/" + idOrArn);
    }

    /** A family alone runs its latest revision, which the caller does not know: {@code family:*}. */
    private String taskDefinition(String reference) {
        if (reference.startsWith("arn:")) return reference;
        return arn("ecs", "task-definition/" + (reference.contains(":") ? reference : reference + ":*"));
    }

    /** Running or serving a task definition hands its roles to ECS. */
    private List<AuthorizationRequest> passRoles(String taskDefinition) {
        String family = taskDefinition.replaceFirst("^arn:[^/]*task-definition/", "").replaceFirst(":\\d+$", "");
        List<String> roles = registeredRoles.containsKey(family) ? registeredRoles.get(family) : lookups.taskDefinitionRoles(taskDefinition);
        return roles.stream().map(role -> passRole(role, "ecs-tasks.amazonaws.com")).toList();
    }

    // -- Elastic Load Balancing (query protocol: lists as Name.member.N) --------------------------
    private void elasticLoadBalancing() {
        for (String action : List.of("DescribeListeners", "DescribeLoadBalancers", "DescribeRules", "DescribeTags", "DescribeTargetGroups",
                "DescribeTargetGroupAttributes", "DescribeTargetHealth", "DescribeListenerAttributes", "DescribeLoadBalancerAttributes")) {
            table.put("elasticloadbalancing:" + action, b -> one("elasticloadbalancing:" + action, "*"));
        }
        table.put("elasticloadbalancing:CreateTargetGroup", b -> created("elasticloadbalancing:CreateTargetGroup",
                arn("elasticloadbalancing", "targetgroup/" + b.path("Name").asText() + "/*"), "elasticloadbalancing:AddTags", queryTags(b, "Tags")));
        table.put("elasticloadbalancing:CreateRule", b -> {
            String listener = b.path("ListenerArn").asText();
            String rule = listener.replace(":listener/", ":listener-rule/") + "/*";
            Map<String, String> tags = queryTags(b, "Tags");
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of("elasticloadbalancing:CreateRule", listener)
                    .withTags(tags)));
            if (!tags.isEmpty()) {
                requests.add(AuthorizationRequest.of("elasticloadbalancing:AddTags", rule).withTags(tags)
                        .with("elasticloadbalancing:CreateAction", "CreateRule"));
            }
            return requests;
        });
        for (String action : List.of("DeleteTargetGroup", "ModifyTargetGroup", "ModifyTargetGroupAttributes", "RegisterTargets", "DeregisterTargets")) {
            table.put("elasticloadbalancing:" + action, b -> one("elasticloadbalancing:" + action, b.path("TargetGroupArn").asText()));
        }
        for (String action : List.of("DeleteRule", "ModifyRule")) {
            table.put("elasticloadbalancing:" + action, b -> one("elasticloadbalancing:" + action, b.path("RuleArn").asText()));
        }
        table.put("elasticloadbalancing:SetRulePriorities", b -> each("elasticloadbalancing:SetRulePriorities",
                members(b, "RulePriorities").stream().filter(k -> k.endsWith(".RuleArn")).map(k -> b.path(k).asText()).toList()));
        for (String action : List.of("AddTags", "RemoveTags")) {
            table.put("elasticloadbalancing:" + action, b -> members(b, "ResourceArns").stream()
                    .map(k -> action.equals("AddTags")
                            ? AuthorizationRequest.of("elasticloadbalancing:AddTags", b.path(k).asText()).withTags(queryTags(b, "Tags"))
                            : AuthorizationRequest.of("elasticloadbalancing:RemoveTags", b.path(k).asText())
                                    .with("aws:TagKeys", members(b, "TagKeys").stream().map(t -> b.path(t).asText()).toList()))
                    .toList());
        }
    }

    // -- IAM --------------------------------------------------------------------------------------
    private void iam() {
        table.put("iam:CreateRole", b -> {
            String role = role(b.path("Path").asText("/"), b.path("RoleName").asText());
            Map<String, String> tags = queryTags(b, "Tags");
            AuthorizationRequest create = AuthorizationRequest.of("iam:CreateRole", role).withTags(tags);
            if (b.hasNonNull("PermissionsBoundary")) {
                boundaries.put(role, b.path("PermissionsBoundary").asText());
                create = create.with("iam:PermissionsBoundary", b.path("PermissionsBoundary").asText());
            }
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(create));
            if (!tags.isEmpty()) requests.add(AuthorizationRequest.of("iam:TagRole", role).withTags(tags));
            return requests;
        });
        table.put("iam:PutRolePermissionsBoundary", b -> {
            String role = role("/", b.path("RoleName").asText());
            boundaries.put(role, b.path("PermissionsBoundary").asText());
            return List.of(AuthorizationRequest.of("iam:PutRolePermissionsBoundary", role)
                    .with("iam:PermissionsBoundary", b.path("PermissionsBoundary").asText()));
        });
        for (String action : List.of("GetRole", "DeleteRole", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies",
                "ListAttachedRolePolicies", "ListInstanceProfilesForRole", "TagRole", "UntagRole", "ListRoleTags", "UpdateRole",
                "UpdateAssumeRolePolicy", "DeleteRolePermissionsBoundary", "AttachRolePolicy", "DetachRolePolicy")) {
            table.put("iam:" + action, b -> {
                String role = role("/", b.path("RoleName").asText());
                AuthorizationRequest request = AuthorizationRequest.of("iam:" + action, role);
                if (boundaries.containsKey(role)) request = request.with("iam:PermissionsBoundary", boundaries.get(role));
                if (b.hasNonNull("PolicyArn")) request = request.with("iam:PolicyARN", b.path("PolicyArn").asText());
                return List.of(request);
            });
        }
        table.put("iam:CreatePolicyVersion", b -> one("iam:CreatePolicyVersion", b.path("PolicyArn").asText()));
    }

    private String role(String path, String name) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    private static AuthorizationRequest passRole(String role, String service) {
        return AuthorizationRequest.of("iam:PassRole", role).with("iam:PassedToService", service);
    }

    // -- CloudWatch Logs --------------------------------------------------------------------------
    private void logs() {
        table.put("logs:DescribeLogGroups", b -> one("logs:DescribeLogGroups", "*"));
        table.put("logs:CreateLogGroup", b -> {
            Map<String, String> tags = new LinkedHashMap<>();
            b.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
            return List.of(AuthorizationRequest.of("logs:CreateLogGroup", logGroup(b.path("logGroupName").asText())).withTags(tags));
        });
        for (String action : List.of("DeleteLogGroup", "PutRetentionPolicy", "DeleteRetentionPolicy", "DescribeLogStreams", "FilterLogEvents",
                "ListTagsLogGroup", "TagLogGroup", "UntagLogGroup")) {
            table.put("logs:" + action, b -> one("logs:" + action, logGroup(b.path("logGroupName").asText())));
        }
        table.put("logs:GetLogEvents", b -> one("logs:GetLogEvents",
                logGroup(b.path("logGroupName").asText()) + ":log-stream:" + b.path("logStreamName").asText()));
        for (String action : List.of("ListTagsForResource", "TagResource", "UntagResource")) {
            table.put("logs:" + action, b -> one("logs:" + action, b.path("resourceArn").asText()));
        }
    }

    private String logGroup(String name) {
        return arn("logs", "log-group:" + name);
    }

    // -- SSM Parameter Store ----------------------------------------------------------------------
    private void ssm() {
        table.put("ssm:DescribeParameters", b -> one("ssm:DescribeParameters", "*"));
        for (String action : List.of("GetParameter", "GetParameterHistory", "DeleteParameter", "LabelParameterVersion")) {
            table.put("ssm:" + action, b -> one("ssm:" + action, parameter(b.path("Name").asText())));
        }
        for (String action : List.of("GetParameters", "DeleteParameters")) {
            table.put("ssm:" + action, b -> each("ssm:" + action, texts(b.path("Names")).stream().map(this::parameter).toList()));
        }
        table.put("ssm:GetParametersByPath", b -> List.of(AuthorizationRequest.of("ssm:GetParametersByPath", parameter(b.path("Path").asText()))
                .with("ssm:Recursive", Boolean.toString(b.path("Recursive").asBoolean()))));
        table.put("ssm:PutParameter", b -> {
            Map<String, String> tags = pairs(b.path("Tags"), "Key", "Value");
            String parameter = parameter(b.path("Name").asText());
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of("ssm:PutParameter", parameter)
                    .with("ssm:Overwrite", Boolean.toString(b.path("Overwrite").asBoolean())).withTags(tags)));
            if (!tags.isEmpty()) requests.add(AuthorizationRequest.of("ssm:AddTagsToResource", parameter).withTags(tags));
            return requests;
        });
        for (String action : List.of("ListTagsForResource", "AddTagsToResource", "RemoveTagsFromResource")) {
            table.put("ssm:" + action, b -> one("ssm:" + action, parameter(b.path("ResourceId").asText())));
        }
    }

    /** {@code /adhoc/alpha} → {@code arn:...:parameter/adhoc/alpha}; a name without a leading slash gets one. */
    private String parameter(String name) {
        if (name.startsWith("arn:")) return name;
        return arn("ssm", "parameter" + (name.startsWith("/") ? name : "/" + name));
    }

    // -- Secrets Manager --------------------------------------------------------------------------
    private void secretsManager() {
        table.put("secretsmanager:ListSecrets", b -> one("secretsmanager:ListSecrets", "*"));
        table.put("secretsmanager:CreateSecret", b -> {
            String secret = secret(b.path("Name").asText());
            Map<String, String> tags = pairs(b.path("Tags"), "Key", "Value");
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of("secretsmanager:CreateSecret", secret)
                    .with("secretsmanager:Name", b.path("Name").asText()).withTags(tags)));
            if (!tags.isEmpty()) requests.add(AuthorizationRequest.of("secretsmanager:TagResource", secret).withTags(tags));
            return requests;
        });
        for (String action : List.of("DescribeSecret", "GetSecretValue", "PutSecretValue", "UpdateSecret", "GetResourcePolicy", "TagResource",
                "UntagResource", "RestoreSecret")) {
            table.put("secretsmanager:" + action, b -> one("secretsmanager:" + action, secret(b.path("SecretId").asText())));
        }
        table.put("secretsmanager:DeleteSecret", b -> List.of(AuthorizationRequest.of("secretsmanager:DeleteSecret", secret(b.path("SecretId").asText()))
                .with("secretsmanager:ForceDeleteWithoutRecovery", Boolean.toString(b.path("ForceDeleteWithoutRecovery").asBoolean()))));
    }

    /** A secret named without its ARN: IAM sees the ARN, whose six-character suffix AWS chose. */
    private String secret(String idOrArn) {
        return idOrArn.startsWith("arn:") ? idOrArn : arn("secretsmanager", "secret:" + idOrArn + "-RANDOM");
    }

    // -- Cloud Map --------------------------------------------------------------------------------
    private void serviceDiscovery() {
        for (String action : List.of("ListNamespaces", "ListServices", "GetOperation", "ListTagsForResource", "ListOperations")) {
            table.put("servicediscovery:" + action, b -> one("servicediscovery:" + action, "*"));
        }
        table.put("servicediscovery:CreateService", b -> {
            String namespace = b.hasNonNull("NamespaceId") ? b.path("NamespaceId").asText() : b.path("DnsConfig").path("NamespaceId").asText();
            Map<String, String> tags = pairs(b.path("Tags"), "Key", "Value");
            String namespaceArn = arn("servicediscovery", "namespace/" + namespace);
            return List.of(
                    AuthorizationRequest.of("servicediscovery:CreateService", namespaceArn)
                            .with("servicediscovery:NamespaceArn", namespaceArn).withTags(tags),
                    AuthorizationRequest.of("servicediscovery:CreateService", arn("servicediscovery", "service/*"))
                            .with("servicediscovery:NamespaceArn", namespaceArn).withTags(tags));
        });
        for (String action : List.of("GetService", "DeleteService", "UpdateService")) {
            table.put("servicediscovery:" + action, b -> one("servicediscovery:" + action, arn("servicediscovery", "service/" + b.path("Id").asText())));
        }
        for (String action : List.of("ListInstances", "DeregisterInstance", "RegisterInstance")) {
            table.put("servicediscovery:" + action, b -> {
                String service = arn("servicediscovery", "service/" + b.path("ServiceId").asText());
                return List.of(AuthorizationRequest.of("servicediscovery:" + action, service).with("servicediscovery:ServiceArn", service));
            });
        }
        table.put("servicediscovery:GetNamespace", b -> one("servicediscovery:GetNamespace", arn("servicediscovery", "namespace/" + b.path("Id").asText())));
        for (String action : List.of("TagResource", "UntagResource")) {
            table.put("servicediscovery:" + action, b -> one("servicediscovery:" + action, "*"));
        }
    }

    // -- EC2 security groups (query protocol) -----------------------------------------------------
    private void ec2() {
        for (String action : List.of("DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeNetworkInterfaces", "DescribeVpcs",
                "DescribeSubnets", "DescribeAccountAttributes", "DescribeTags", "DescribePrefixLists", "DescribeManagedPrefixLists")) {
            table.put("ec2:" + action, b -> one("ec2:" + action, "*"));
        }
        table.put("ec2:CreateSecurityGroup", b -> {
            Map<String, String> tags = queryTags(b, "TagSpecification");
            String vpc = arn("ec2", "vpc/" + b.path("VpcId").asText());
            List<AuthorizationRequest> requests = new ArrayList<>(List.of(
                    AuthorizationRequest.of("ec2:CreateSecurityGroup", arn("ec2", "security-group/*")).withTags(tags),
                    AuthorizationRequest.of("ec2:CreateSecurityGroup", vpc).with("ec2:VpcID", b.path("VpcId").asText())));
            if (!tags.isEmpty()) {
                requests.add(AuthorizationRequest.of("ec2:CreateTags", arn("ec2", "security-group/*")).withTags(tags)
                        .with("ec2:CreateAction", "CreateSecurityGroup"));
            }
            return requests;
        });
        for (String action : List.of("DeleteSecurityGroup", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "ModifySecurityGroupRules", "UpdateSecurityGroupRuleDescriptionsIngress",
                "UpdateSecurityGroupRuleDescriptionsEgress")) {
            table.put("ec2:" + action, b -> {
                List<AuthorizationRequest> requests = new ArrayList<>(List.of(securityGroup("ec2:" + action, b.path("GroupId").asText())));
                Map<String, String> tags = queryTags(b, "TagSpecification");
                if (action.startsWith("Authorize")) { // the rules it creates are resources of their own
                    requests.add(AuthorizationRequest.of("ec2:" + action, arn("ec2", "security-group-rule/*")).withTags(tags));
                    if (!tags.isEmpty()) {
                        requests.add(AuthorizationRequest.of("ec2:CreateTags", arn("ec2", "security-group-rule/*")).withTags(tags)
                                .with("ec2:CreateAction", action));
                    }
                }
                return requests;
            });
        }
        for (String action : List.of("CreateTags", "DeleteTags")) {
            table.put("ec2:" + action, b -> members(b, "ResourceId").stream()
                    .map(k -> AuthorizationRequest.of("ec2:" + action, ec2Resource(b.path(k).asText())).withTags(queryTags(b, "Tag")))
                    .toList());
        }
    }

    /** A change to an existing security group: IAM knows its VPC and its tags. */
    private AuthorizationRequest securityGroup(String action, String groupId) {
        AuthorizationRequest request = AuthorizationRequest.of(action, arn("ec2", "security-group/" + groupId));
        SecurityGroup group = lookups.securityGroup(groupId);
        if (group == null) return request;
        request = request.with("ec2:Vpc", arn("ec2", "vpc/" + group.vpcId())).with("ec2:SecurityGroupID", groupId);
        for (Map.Entry<String, String> tag : group.tags().entrySet()) {
            request = request.with("aws:ResourceTag/" + tag.getKey(), tag.getValue()).with("ec2:ResourceTag/" + tag.getKey(), tag.getValue());
        }
        return request;
    }

    private String ec2Resource(String id) {
        String type = switch (id.substring(0, id.indexOf('-'))) {
            case "sg" -> "security-group";
            case "sgr" -> "security-group-rule";
            case "vpc" -> "vpc";
            case "subnet" -> "subnet";
            case "eni" -> "network-interface";
            default -> throw new IllegalArgumentException("no ARN known for EC2 resource " + id);
        };
        return arn("ec2", type + "/" + id);
    }

    // -- helpers ----------------------------------------------------------------------------------
    String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    private static List<AuthorizationRequest> one(String action, String resource) {
        return List.of(AuthorizationRequest.of(action, resource));
    }

    private static List<AuthorizationRequest> each(String action, List<String> resources) {
        return resources.stream().map(resource -> AuthorizationRequest.of(action, resource)).toList();
    }

    /** A resource created with tags: the create, and the tagging AWS checks for tags given on creation. */
    private static List<AuthorizationRequest> created(String action, String resource, String tagAction, Map<String, String> tags) {
        List<AuthorizationRequest> requests = new ArrayList<>(List.of(AuthorizationRequest.of(action, resource).withTags(tags)));
        if (!tags.isEmpty()) {
            requests.add(AuthorizationRequest.of(tagAction, resource).withTags(tags)
                    .with(action.substring(0, action.indexOf(':')) + ":CreateAction", action.substring(action.indexOf(':') + 1)));
        }
        return requests;
    }

    /** Tags given as a JSON array of objects, e.g. {@code [{"key": "k", "value": "v"}]}. */
    private static Map<String, String> pairs(JsonNode array, String key, String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        array.forEach(tag -> tags.put(tag.path(key).asText(), tag.path(value).asText()));
        return tags;
    }

    /** Tags given as query-protocol fields under {@code list}: {@code ...N.Key} with its {@code ...N.Value}. */
    private static Map<String, String> queryTags(JsonNode body, String list) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String key : members(body, list)) {
            if (key.endsWith(".Key")) tags.put(body.path(key).asText(), body.path(key.substring(0, key.length() - "Key".length()) + "Value").asText());
        }
        return tags;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The keys of a query-protocol list {@code Name.member.N...} (or {@code Name.N...}), in order. */
    private static List<String> members(JsonNode body, String name) {
        Set<String> keys = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(key -> {
            if (key.startsWith(name + ".")) keys.add(key);
        });
        return keys.stream().sorted().toList();
    }
}
