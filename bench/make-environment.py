"""Creates an environment on the local AWS the way the terraform module would (for benchmarks)."""
import json
import sys

import boto3

name = sys.argv[1]
backend = "123456789012.dkr.ecr.us-east-1.amazonaws.com/backend"
frontend = "123456789012.dkr.ecr.us-east-1.amazonaws.com/frontend"
ecs, ssm, ec2, logs = (boto3.client(s) for s in ("ecs", "ssm", "ec2", "logs"))
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
group = ec2.create_security_group(VpcId=vpc, GroupName=f"{name}-tasks", Description="tasks")["GroupId"]
ecs.create_cluster(clusterName=name)


def register(service, image, command=None):
    log_group = f"/adhoc/{name}/{service}"
    logs.create_log_group(logGroupName=log_group)
    container = {"name": service, "image": image, "essential": True, "memory": 512,
                 "logConfiguration": {"logDriver": "awslogs", "options": {
                     "awslogs-group": log_group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": service}}}
    if command:
        container["command"] = command
    return ecs.register_task_definition(
        family=f"{name}-{service}", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256",
        memory="512", containerDefinitions=[container])["taskDefinition"]["taskDefinitionArn"]


images = {"web": backend, "worker": backend, "beat": backend, "frontend": frontend}
for service in ("web", "worker", "beat", "frontend", "redis"):
    arn = register(service, f"{images[service]}:v1" if service in images else "redis:7-alpine")
    ecs.create_service(cluster=name, serviceName=f"{name}-{service}", taskDefinition=arn, desiredCount=1,
                       launchType="FARGATE", networkConfiguration={"awsvpcConfiguration": {
                           "subnets": [subnet], "securityGroups": [group]}})
register("migrate", f"{backend}:v1", ["python", "manage.py", "migrate", "--no-input"])
register("collectstatic", f"{backend}:v1", ["python", "manage.py", "collectstatic", "--no-input"])
manifest = {"version": 1, "environment": name, "url": f"https://{name}.dev.example.com", "region": "us-east-1",
            "cluster": name, "services": [f"{name}-{s}" for s in ("web", "worker", "beat", "frontend", "redis")],
            "preDeployTasks": [f"{name}-migrate", f"{name}-collectstatic"],
            "network": {"subnets": [subnet], "securityGroups": [group], "assignPublicIp": "DISABLED"},
            "images": {"backend": backend, "frontend": frontend}}
ssm.put_parameter(Name=f"/adhoc/{name}", Type="String", Value=json.dumps(manifest), Overwrite=True)
print(json.dumps(manifest))
