"""Assertions for scripts/test-terraform, run against the emulator at AWS_ENDPOINT_URL.

Usage: python3 checks.py CHECK [ARGS...]; exits non-zero with a message when a check fails.
"""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

PREFIX = os.environ.get("MANIFEST_PREFIX", "/adhoc")
DOMAIN = os.environ.get("DOMAIN", "adhoc.test")
REGION = os.environ.get("AWS_REGION", "us-east-1")
NAME_PREFIX = os.environ.get("NAME_PREFIX", "adhoc")


def named(env):
    """Every AWS name of an environment starts with <name prefix>-<env>."""
    return f"{NAME_PREFIX}-{env}"


def client(name):
    return boto3.client(name, region_name=REGION, endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


def parameter(name):
    try:
        return client("ssm").get_parameter(Name=name)["Parameter"]
    except ClientError as e:
        if e.response["Error"]["Code"] == "ParameterNotFound":
            return None
        raise


def manifest(env):
    p = parameter(f"{PREFIX}/{env}")
    expect(p is not None, f"no SSM parameter {PREFIX}/{env}")
    expect(p["Type"] == "String", f"{PREFIX}/{env} has type {p['Type']}, want String")
    return json.loads(p["Value"])


def load_balancers():
    """The shared manifest's loadBalancers by name."""
    return {lb["name"]: lb for lb in json.loads(parameter(f"{PREFIX}/_shared")["Value"])["loadBalancers"]}


def rules_for(env, listener=None):
    """Rules whose host condition is <env>.<domain>, on one listener or on every ALB's, as {priority: rule}."""
    listeners = [listener] if listener else [lb["listenerArn"] for lb in load_balancers().values()]
    out = {}
    for arn in listeners:
        for r in client("elbv2").describe_rules(ListenerArn=arn)["Rules"]:
            hosts = [v for c in r["Conditions"] if c["Field"] == "host-header"
                     for v in c.get("HostHeaderConfig", {}).get("Values", c.get("Values", []))]
            if f"{env}.{DOMAIN}" in hosts:
                out[int(r["Priority"])] = r
    return out


def placement(env):
    """The shared manifest's entry of the ALB the environment's manifest names."""
    name = manifest(env)["loadBalancer"]
    lbs = load_balancers()
    expect(name in lbs, f"{env} is placed on {name}, not among {sorted(lbs)}")
    return lbs[name]


def paths(rule):
    return [v for c in rule["Conditions"] if c["Field"] == "path-pattern"
            for v in c.get("PathPatternConfig", {}).get("Values", c.get("Values", []))]


def check_shared_manifest():
    p = parameter(f"{PREFIX}/_shared")
    expect(p is not None, f"no SSM parameter {PREFIX}/_shared")
    m = json.loads(p["Value"])
    want = {"version", "name", "namePrefix", "region", "domain", "listenerArn", "loadBalancers", "database",
            "bastion", "dbAdmin", "reservedEnvironmentNames"}
    expect(set(m) == want, f"shared manifest keys {sorted(m)} != {sorted(want)}")
    expect(m["version"] == 1 and m["domain"] == DOMAIN and m["region"] == REGION
           and m["namePrefix"] == NAME_PREFIX, f"bad header: {m}")
    expect(":listener/app/" in m["listenerArn"], f"listenerArn {m['listenerArn']}")
    lbs = m["loadBalancers"]
    want_names = [m["name"]] + [f"{m['name']}-{i}" for i in range(2, len(lbs) + 1)]
    expect([lb["name"] for lb in lbs] == want_names, f"loadBalancers names {[lb['name'] for lb in lbs]} != {want_names}")
    expect(m["listenerArn"] == lbs[0]["listenerArn"], "top-level listenerArn is not the first ALB's")
    elb = client("elbv2")
    for lb in lbs:
        expect(set(lb) == {"name", "arn", "listenerArn", "dnsName", "zoneId"}, f"loadBalancers entry {lb}")
        described = elb.describe_load_balancers(LoadBalancerArns=[lb["arn"]])["LoadBalancers"][0]
        expect((described["LoadBalancerName"], described["DNSName"], described["CanonicalHostedZoneId"])
               == (lb["name"], lb["dnsName"], lb["zoneId"]), f"{lb} != {described}")
        listeners = {x["Port"]: x for x in elb.describe_listeners(LoadBalancerArn=lb["arn"])["Listeners"]}
        expect(sorted(listeners) == [80, 443] and listeners[443]["ListenerArn"] == lb["listenerArn"]
               and listeners[443]["Protocol"] == "HTTPS" and listeners[443]["Certificates"]
               and listeners[80]["DefaultActions"][0]["Type"] == "redirect", f"{lb['name']} listeners {listeners}")
        groups = described["SecurityGroups"]
        expect(len(groups) == 1 and {(80, "0.0.0.0/0"), (443, "0.0.0.0/0")} == ingress(groups[0]),
               f"{lb['name']}: security groups {groups}")
    expect(len({alb_security_group_of(lb) for lb in lbs}) == len(lbs), "ALBs share a security group")
    db = m["database"]
    expect(set(db) == {"host", "port", "username", "masterSecretArn", "connectionLimit", "maxConnections"},
           f"database keys {sorted(db)}")
    # db.t4g.micro: 1 GiB / 9531392 bytes per connection
    expect(db["connectionLimit"] == 5 and db["maxConnections"] == 112, f"database limits {db}")
    reserved = m["reservedEnvironmentNames"]
    for name in ("admin", "dbadmin", db["username"]):
        expect(name in reserved, f"{name} not in reservedEnvironmentNames {reserved}")
    expect(reserved == sorted(set(reserved)), f"reservedEnvironmentNames not sorted and distinct: {reserved}")
    expect(db["port"] == 5432 and ":secretsmanager:" in db["masterSecretArn"], f"database {db}")
    expect(m["bastion"] is None or set(m["bastion"]) == {"host", "user"}, f"bastion {m['bastion']}")
    a = m["dbAdmin"]
    expect(a["cluster"] == f"{m['name']}-admin" and a["taskDefinition"] == f"{m['name']}-dbadmin"
           and a["container"] == "psql", f"dbAdmin {a}")
    expect(a["network"]["assignPublicIp"] == "DISABLED" and subnet_tiers(a["network"]["subnets"]) == ["private"] * 2
           and len(a["network"]["securityGroups"]) == 1, f"dbAdmin.network {a['network']}")
    td = client("ecs").describe_task_definition(taskDefinition=a["taskDefinition"])["taskDefinition"]
    c = td["containerDefinitions"][0]
    env = {e["name"]: e["value"] for e in c["environment"]}
    expect(c["name"] == "psql" and env["PGDATABASE"] == "postgres" and env["PGHOST"] == db["host"],
           f"dbadmin container {c}")
    expect([s["valueFrom"] for s in c["secrets"] if s["name"] == "PGPASSWORD"]
           == [db["masterSecretArn"] + ":password::"], f"PGPASSWORD secret {c['secrets']}")


def subnet_tiers(subnets):
    """The adhoc:tier tag (public/private) of each subnet, sorted."""
    described = client("ec2").describe_subnets(SubnetIds=subnets)["Subnets"]
    return sorted({t["Key"]: t["Value"] for t in s.get("Tags", [])}.get("adhoc:tier") for s in described)


def check_manifest(env, priority, backend_image):
    m = manifest(env)
    want = {"version", "environment", "url", "region", "cluster", "services", "preDeployTasks",
            "network", "images", "exec", "listenerRulePriority", "loadBalancer"}
    expect(set(m) == want, f"manifest keys {sorted(m)} != {sorted(want)}")
    n = named(env)
    expect(m["version"] == 1 and m["environment"] == env and m["cluster"] == n, f"header {m}")
    expect(m["url"] == f"https://{env}.{DOMAIN}", f"url {m['url']}")
    expect(m["services"] == [f"{n}-{s}" for s in ("web", "worker", "beat", "frontend", "redis")],
           f"services {m['services']}")
    expect(m["preDeployTasks"] == [f"{n}-migrate", f"{n}-collectstatic"], f"preDeployTasks {m['preDeployTasks']}")
    expect(m["exec"] == {"service": f"{n}-web", "container": "web"}, f"exec {m['exec']}")
    expect(m["listenerRulePriority"] == int(priority), f"listenerRulePriority {m['listenerRulePriority']}")
    expect(m["network"]["assignPublicIp"] == "DISABLED" and subnet_tiers(m["network"]["subnets"]) == ["private"] * 2,
           f"network {m['network']}")
    expect(set(m["images"]) == {"backend", "frontend"}, f"images {m['images']}")
    ecs = client("ecs")
    svcs = ecs.describe_services(cluster=n, services=m["services"])["services"]
    expect(sorted(s["serviceName"] for s in svcs if s["status"] == "ACTIVE") == sorted(m["services"]),
           f"services in cluster {n}: {[(s['serviceName'], s['status']) for s in svcs]}")
    for family in m["preDeployTasks"] + [f"{n}-web", f"{n}-worker", f"{n}-beat"]:
        c = ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]["containerDefinitions"][0]
        expect(c["image"] == backend_image, f"{family} image {c['image']} != {backend_image}")
        names = {e["name"] for e in c.get("environment", [])}
        expect("DATABASE_PASSWORD" not in names, f"{family}: password as a plain variable")
        secrets = {s["name"]: s["valueFrom"] for s in c.get("secrets", [])}
        expect(secrets.get("DATABASE_PASSWORD") == database_secret_arn(env) + ":password::",
               f"{family}: DATABASE_PASSWORD from {secrets.get('DATABASE_PASSWORD')}, not {env}'s own secret")
        expect(not [v for v in secrets.values() if v.startswith(shared_manifest()["database"]["masterSecretArn"])],
               f"{family}: the master secret in {secrets}")
        opts = c["logConfiguration"]["options"]
        expect(opts["awslogs-group"].startswith(f"/{NAME_PREFIX}/{env}/") and opts.get("awslogs-stream-prefix"),
               f"{family} logs {opts}")
    web = ecs.describe_task_definition(taskDefinition=f"{n}-web")["taskDefinition"]["containerDefinitions"][0]
    envvars = {e["name"]: e["value"] for e in web["environment"]}
    ns = json.loads(parameter(f"{PREFIX}/_shared")["Value"])  # namespace is <name>.internal
    redis = f"redis://{n}-redis.{ns['name']}.internal:6379/0"
    expect(envvars.get("REDIS_URL") == redis and envvars.get("CELERY_BROKER_URL") == redis, f"redis url {envvars}")
    expect(envvars.get("DATABASE_NAME") == env and envvars.get("DATABASE_USER") == env and envvars.get("DJANGO_ALLOWED_HOSTS") == f"{env}.{DOMAIN}",
           f"app settings {envvars}")


def check_rules(env, priority):
    p = int(priority)
    rules = rules_for(env)
    expect(sorted(rules) == [p, p + 1], f"rules of {env} at priorities {sorted(rules)}, want [{p}, {p + 1}]")
    expect(sorted(rules_for(env, placement(env)["listenerArn"])) == [p, p + 1],
           f"rules of {env} are not on the listener of its ALB {manifest(env)['loadBalancer']}")
    expect(sorted(paths(rules[p])) == ["/admin/*", "/api/*"], f"backend rule paths {paths(rules[p])}")
    expect(paths(rules[p + 1]) == [], f"frontend rule has paths {paths(rules[p + 1])}")
    tgs = {t["TargetGroupArn"]: t for t in client("elbv2").describe_target_groups()["TargetGroups"]}
    fwd = lambda r: tgs[r["Actions"][0]["TargetGroupArn"]]
    expect(fwd(rules[p])["TargetGroupName"] == f"{named(env)}-web", "backend rule does not forward to web")
    expect(fwd(rules[p + 1])["TargetGroupName"] == f"{named(env)}-fe", "frontend rule does not forward to frontend")
    for r in (p, p + 1):
        t = fwd(rules[r])
        expect(t["TargetType"] == "ip" and t["HealthyThresholdCount"] == 2, f"target group {t['TargetGroupName']}")


def check_distinct(*envs):
    seen = {}
    for env in envs:
        for prio in rules_for(env):
            expect(prio not in seen, f"priority {prio} used by {seen.get(prio)} and {env}")
            seen[prio] = env


def check_discovery(env):
    sd = client("servicediscovery")
    ns_name = json.loads(parameter(f"{PREFIX}/_shared")["Value"])["name"] + ".internal"
    ns = [n for n in sd.list_namespaces()["Namespaces"] if n["Name"] == ns_name]
    expect(len(ns) == 1, f"namespace {ns_name} not found")
    names = [s["Name"] for s in sd.list_services(
        Filters=[{"Name": "NAMESPACE_ID", "Values": [ns[0]["Id"]], "Condition": "EQ"}])["Services"]]
    n = named(env)
    expect(f"{n}-redis" in names, f"{n}-redis not in namespace {ns_name}: {names}")
    svc = client("ecs").describe_services(cluster=n, services=[f"{n}-redis"])["services"][0]
    expect(svc.get("serviceRegistries"), f"{n}-redis has no service registry")


def check_gone(env):
    expect(parameter(f"{PREFIX}/{env}") is None, f"SSM {PREFIX}/{env} still there")
    clusters = client("ecs").describe_clusters(clusters=[named(env)])["clusters"]
    expect(not [c for c in clusters if c["status"] == "ACTIVE"], f"cluster {named(env)} still ACTIVE")
    expect(rules_for(env) == {}, f"listener rules of {env} still there: {sorted(rules_for(env))}")
    tgs = [t["TargetGroupName"] for t in client("elbv2").describe_target_groups()["TargetGroups"]]
    expect(not [t for t in tgs if t.startswith(f"{named(env)}-")], f"target groups of {env} still there: {tgs}")
    buckets = [b["Name"] for b in client("s3").list_buckets()["Buckets"]]
    expect(not [b for b in buckets if b.startswith(f"{named(env)}-")], f"bucket of {env} still there: {buckets}")
    groups = client("logs").describe_log_groups(logGroupNamePrefix=f"/{NAME_PREFIX}/{env}/")["logGroups"]
    expect(groups == [], f"log groups of {env} still there")


def check_intact(env, priority):
    manifest(env)
    clusters = client("ecs").describe_clusters(clusters=[named(env)])["clusters"]
    expect([c["status"] for c in clusters] == ["ACTIVE"], f"cluster {named(env)}: {clusters}")
    check_rules(env, priority)
    check_discovery(env)


def database_secret_name(env):
    return f"{NAME_PREFIX}/{env}/database"


def database_secret_arn(env):
    return client("secretsmanager").describe_secret(SecretId=database_secret_name(env))["ARN"]


def check_database_secret(env):
    """What the program does before terraform runs (C3): the environment's own secret exists."""
    sm = client("secretsmanager")
    try:
        sm.describe_secret(SecretId=database_secret_name(env))
    except ClientError as e:
        if e.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
        sm.create_secret(Name=database_secret_name(env), SecretString=json.dumps({
            "username": env, "password": f"{env}-password", "host": "postgres.local", "port": 5432, "dbname": env}))


def role_policy_actions(role):
    iam = client("iam")
    actions = []
    for name in iam.list_role_policies(RoleName=role)["PolicyNames"]:
        document = iam.get_role_policy(RoleName=role, PolicyName=name)["PolicyDocument"]
        document = json.loads(document) if isinstance(document, str) else document
        for statement in document["Statement"]:
            listed = statement["Action"]
            actions += [listed] if isinstance(listed, str) else listed
            if "secretsmanager:GetSecretValue" in actions:
                return actions, statement["Resource"]
    return actions, None


def check_secrets(*envs):
    """Containers never get the master secret; the shared execution role cannot read it, only
    the dbadmin task's own execution role; each environment's task definitions reference only
    its own secret, and its task role (what its containers can do) reads no secret at all."""
    ecs = client("ecs")
    shared = shared_manifest()
    master = shared["database"]["masterSecretArn"]
    dbadmin = ecs.describe_task_definition(taskDefinition=shared["dbAdmin"]["taskDefinition"])["taskDefinition"]
    execution_roles = set()
    for env in envs:
        m = manifest(env)
        for family in [f"{m['cluster']}-{r}" for r in ("web", "worker", "beat", "frontend", "redis")] + m["preDeployTasks"]:
            td = ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]
            execution_roles.add(td["executionRoleArn"].split("/")[-1])
            expect(master not in json.dumps(td), f"{family} references the master secret")
            for c in td["containerDefinitions"]:
                for secret in c.get("secrets", []):
                    expect(secret["valueFrom"].startswith(database_secret_arn(env)),
                           f"{family}: {secret['name']} from {secret['valueFrom']}, not {env}'s own secret")
            if td.get("taskRoleArn"):
                actions, _ = role_policy_actions(td["taskRoleArn"].split("/")[-1])
                expect(not [a for a in actions if a.startswith(("secretsmanager:", "ssm:Get", "kms:"))],
                       f"{family}: task role can read secrets: {actions}")
    expect(dbadmin["executionRoleArn"].split("/")[-1] not in execution_roles, "dbadmin shares the environments' execution role")
    for role in execution_roles:
        _, resources = role_policy_actions(role)
        resources = [resources] if isinstance(resources, str) else resources or []
        expect(master not in resources and resources == [f"{master.split(':secret:')[0]}:secret:{NAME_PREFIX}/*"],
               f"execution role {role} reads {resources}")
    _, resources = role_policy_actions(dbadmin["executionRoleArn"].split("/")[-1])
    expect(resources in (master, [master]), f"dbadmin execution role reads {resources}")


def shared_manifest():
    return json.loads(parameter(f"{PREFIX}/_shared")["Value"])


def group_id(reference):
    """moto reports a referenced group as <account>/<group id>; AWS as the id."""
    return reference.split("/")[-1]


def ingress(group):
    """The group's ingress as {(port, source)}: source a group id or a CIDR block."""
    out = set()
    for p in client("ec2").describe_security_groups(GroupIds=[group])["SecurityGroups"][0]["IpPermissions"]:
        port = p.get("FromPort", -1)
        expect(p.get("ToPort", -1) == port, f"{group}: port range {p}")
        out |= {(port, group_id(pair["GroupId"])) for pair in p.get("UserIdGroupPairs", [])}
        out |= {(port, r["CidrIp"]) for r in p.get("IpRanges", [])} | {(port, r["CidrIpv6"]) for r in p.get("Ipv6Ranges", [])}
        out |= {(port, r["PrefixListId"]) for r in p.get("PrefixListIds", [])}
    return out


def alb_security_group_of(lb):
    return client("elbv2").describe_load_balancers(LoadBalancerArns=[lb["arn"]])["LoadBalancers"][0]["SecurityGroups"][0]


def check_placement(env, name):
    """The environment is on ALB `name`: the manifest says so, its rules are on that ALB's listener
    and on no other, its DNS record aliases that ALB, and its group admits that ALB's group only."""
    m = manifest(env)
    expect(m["loadBalancer"] == name, f"{env} manifest loadBalancer {m['loadBalancer']} != {name}")
    lb = placement(env)
    p = m["listenerRulePriority"]
    expect(sorted(rules_for(env, lb["listenerArn"])) == [p, p + 1], f"{env}: rules not on {name}'s listener")
    for other in load_balancers().values():
        if other["name"] != name:
            expect(rules_for(env, other["listenerArn"]) == {}, f"{env}: rules on {other['name']} too")
    r53 = client("route53")
    zone = [z for z in r53.list_hosted_zones()["HostedZones"] if z["Name"] == f"{DOMAIN}."][0]
    records = [r for r in r53.list_resource_record_sets(HostedZoneId=zone["Id"])["ResourceRecordSets"]
               if r["Name"] == f"{env}.{DOMAIN}." and r["Type"] == "A"]
    expect(len(records) == 1, f"{env}: A records {records}")
    alias = records[0]["AliasTarget"]
    expect(alias["DNSName"].rstrip(".").lower() == lb["dnsName"].lower() and alias["HostedZoneId"] == lb["zoneId"],
           f"{env}: alias {alias} is not ALB {name} ({lb['dnsName']})")
    own = [g for g in m["network"]["securityGroups"] if g not in shared_manifest()["dbAdmin"]["network"]["securityGroups"]]
    sources = {source for _, source in ingress(own[0]) if source != own[0]}
    expect(sources == {alb_security_group_of(lb)}, f"{env}: tasks admit {sources}, want only {name}'s group")


def check_public_network(env):
    """Without a NAT gateway: tasks in the public subnets with a public IP, admitted only from their ALB."""
    m = manifest(env)
    network = m["network"]
    expect(network["assignPublicIp"] == "ENABLED" and subnet_tiers(network["subnets"]) == ["public"] * 2,
           f"{env}: network {network}")
    admin = shared_manifest()["dbAdmin"]["network"]
    expect(admin["assignPublicIp"] == "ENABLED" and admin["subnets"] == network["subnets"], f"dbAdmin.network {admin}")
    for svc in client("ecs").describe_services(cluster=m["cluster"], services=m["services"])["services"]:
        vpc = svc["networkConfiguration"]["awsvpcConfiguration"]
        expect(vpc["assignPublicIp"] == "ENABLED" and sorted(vpc["subnets"]) == sorted(network["subnets"]),
               f"{svc['serviceName']}: {vpc}")
    check_placement(env, m["loadBalancer"])


def check_adds_only(plan_file, key):
    """A saved plan (terraform show -json) that adds ALB `key` creates only resources under that
    key and changes nothing of the other ALBs; besides, only the shared manifest may be updated
    (it lists the new ALB) and whatever moto reports differently from what was applied, never a
    delete or a replacement."""
    with open(plan_file) as f:
        changes = [c for c in json.load(f)["resource_changes"] if c["change"]["actions"] not in (["no-op"], ["read"])]
    load_balancer_resources = {("aws_lb", "this"), ("aws_lb_listener", "https"), ("aws_lb_listener", "http"),
                               ("aws_security_group", "alb"), ("aws_vpc_security_group_ingress_rule", "alb"),
                               ("aws_vpc_security_group_egress_rule", "alb_to_tasks")}
    created = []
    for c in changes:
        actions, address = c["change"]["actions"], c["address"]
        expect("delete" not in actions, f"{address}: {actions}")
        if actions == ["create"]:
            expect(str(c.get("index", "")).split("-")[0] == key, f"creates {address}, not of ALB {key}")
            created.append(c["type"])
        else:
            expect((c["type"], c["name"]) not in load_balancer_resources, f"changes {address} ({actions})")
    want = sorted(["aws_lb", "aws_lb_listener", "aws_lb_listener", "aws_security_group", "aws_vpc_security_group_egress_rule",
                   "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule"])
    expect(sorted(created) == want, f"created {sorted(created)}, want {want}")


def moto_artifact(change):
    """An in-place update of a security-group rule that only undoes how moto reports the rule:
    a referenced group as `<account>/<group id>` (AWS reports the id), the description dropped
    after a first create. On AWS such a plan is empty."""
    before, after = change["change"]["before"], change["change"]["after"]
    if change["change"]["actions"] != ["update"] or not change["type"].startswith("aws_vpc_security_group_"):
        return False
    differing = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    return all((k == "referenced_security_group_id" and group_id(before[k] or "") == after[k])
               or (k == "description" and before.get(k) is None) for k in differing)


def check_no_changes(plan_file):
    """A saved plan (terraform show -json) changes nothing but moto's reporting artifacts."""
    with open(plan_file) as f:
        changes = [c for c in json.load(f)["resource_changes"] if c["change"]["actions"] not in (["no-op"], ["read"])]
    real = [f"{c['address']} {c['change']['actions']}" for c in changes if not moto_artifact(c)]
    expect(real == [], f"the plan changes {real}")


def check_isolation(*envs):
    """Each environment's tasks carry their own group and the database-clients group; the own
    group admits only the ALB on the container ports and itself on redis; the clients group
    admits nothing; postgres admits only the clients group (and the bastion)."""
    ecs, ec2 = client("ecs"), client("ec2")
    shared = shared_manifest()
    clients = shared["dbAdmin"]["network"]["securityGroups"]
    expect(len(clients) == 1, f"dbAdmin security groups {clients}")
    expect(ingress(clients[0]) == set(), f"database-clients group admits {ingress(clients[0])}")
    own = {}
    for env in envs:
        m = manifest(env)
        alb = alb_security_group_of(placement(env))
        groups = m["network"]["securityGroups"]
        mine = [g for g in groups if g not in clients]
        expect(len(mine) == 1 and len(groups) == 2, f"{env}: security groups {groups}")
        own[env] = mine[0]
        described = ec2.describe_security_groups(GroupIds=mine)["SecurityGroups"][0]
        expect(described["GroupName"] == f"{named(env)}-tasks", f"{env}: group name {described['GroupName']}")
        want = {(8000, alb), (80, alb), (6379, mine[0])}
        expect(ingress(mine[0]) == want, f"{env}: ingress {ingress(mine[0])} != {want}")
        for svc in ecs.describe_services(cluster=m["cluster"], services=m["services"])["services"]:
            carried = svc["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"]
            expect(sorted(carried) == sorted(groups), f"{svc['serviceName']} carries {carried}, manifest {groups}")
    expect(len(set(own.values())) == len(envs), f"environments share a group: {own}")
    rds = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": [f"{shared['name']}-rds"]}])["SecurityGroups"]
    expect(len(rds) == 1, f"RDS group {shared['name']}-rds not found")
    sources = {source for port, source in ingress(rds[0]["GroupId"]) if port == 5432}
    expect(clients[0] in sources and not sources & set(own.values()) and all(x.startswith("sg-") for x in sources),
           f"postgres admits {sources}")


def check_health_checks(env, start_seconds="20"):
    """The module's health-check settings on the real resources, and the README's arithmetic:
    a web task that never answers fails the rollout (3 failed tasks, ECS's minimum circuit-
    breaker threshold) within 2 minutes; a healthy rollout's floor stays within 90 s. Task start
    (provisioning, image pull) is assumed to take start_seconds."""
    elb, ecs = client("elbv2"), client("ecs")
    m = manifest(env)
    groups = {t["TargetGroupName"]: t for t in elb.describe_target_groups()["TargetGroups"]}
    for name, path in ((f"{named(env)}-web", "/healthz"), (f"{named(env)}-fe", "/")):
        t = groups[name]
        expect(t["HealthCheckPath"] == path and t["Matcher"]["HttpCode"] == "200", f"{name}: {t['HealthCheckPath']} {t['Matcher']}")
        expect((t["HealthCheckIntervalSeconds"], t["HealthCheckTimeoutSeconds"], t["HealthyThresholdCount"],
                t["UnhealthyThresholdCount"]) == (5, 3, 2, 2), f"{name}: health check {t}")
        attributes = {a["Key"]: a["Value"] for a in elb.describe_target_group_attributes(
            TargetGroupArn=t["TargetGroupArn"])["Attributes"]}
        expect(attributes["deregistration_delay.timeout_seconds"] == "5", f"{name}: {attributes}")
    web = groups[f"{named(env)}-web"]
    interval, timeout = web["HealthCheckIntervalSeconds"], web["HealthCheckTimeoutSeconds"]
    healthy, unhealthy = web["HealthyThresholdCount"], web["UnhealthyThresholdCount"]
    services = {s["serviceName"]: s for s in ecs.describe_services(cluster=m["cluster"], services=m["services"])["services"]}
    grace = services[f"{named(env)}-web"].get("healthCheckGracePeriodSeconds")
    expect(grace == 10 and services[f"{named(env)}-frontend"].get("healthCheckGracePeriodSeconds") == 10,
           f"grace periods {[(n, s.get('healthCheckGracePeriodSeconds')) for n, s in services.items()]}")
    start, drain = int(start_seconds), 5
    failed_task = start + max(grace, unhealthy * interval + timeout) + drain
    expect(3 * failed_task <= 120, f"a never-healthy rollout takes 3 x {failed_task} s > 120 s")
    floor = start + healthy * interval + timeout + drain
    expect(floor <= 90, f"a healthy rollout's floor is {floor} s > 90 s")


def listed(value):
    return [value] if isinstance(value, str) else list(value)


def non_blank(doc):
    return len("".join(json.dumps(doc).split()))


def check_workflow_policy(path, parts_path, example=None):
    """The rendered workflow policy is least privilege in the ways README promises; its parts
    (what the OIDC role gets attached) hold exactly its statements, each fitting a managed
    policy; with `example`, that file (examples/iam/policy.json) has the same statements."""
    with open(path) as f:
        doc = json.load(f)
    statements = {s["Sid"]: s for s in doc["Statement"]}
    expect(len(statements) == len(doc["Statement"]), "statement ids not unique")
    with open(parts_path) as f:
        parts = [json.loads(p) for p in json.load(f)]
    expect([s for p in parts for s in p["Statement"]] == doc["Statement"], "the parts do not hold the policy's statements")
    sizes = [non_blank(p) for p in parts]
    expect(max(sizes) <= 6144, f"parts of {sizes} non-blank characters; a managed policy holds 6144")
    unscoped_writes = {"ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition"}
    # Wildcard resources that name no prefix: ids IAM cannot scope by name, each with a reason.
    generic = (":servicediscovery:", ":security-group/*", ":security-group-rule/*", ":change/*", ":listener-rule/app/",
               "/env:/*/", f"/{shared_manifest()['dbAdmin']['cluster']}/*")
    for s in doc["Statement"]:
        if s["Effect"] != "Allow":
            continue
        for resource in listed(s["Resource"]):
            if resource == "*":
                for action in listed(s["Action"]):
                    verb = action.split(":")[1]
                    expect(verb.startswith(("Describe", "List", "Get")) or action in unscoped_writes,
                           f"{s['Sid']}: {action} on every resource")
            elif "*" in resource:
                expect(any(marker in resource for marker in (f"/{NAME_PREFIX}-", f"/{NAME_PREFIX}/", f":::{NAME_PREFIX}-",
                                                             f":{NAME_PREFIX}/", f"{PREFIX}/") + generic),
                       f"{s['Sid']}: {resource} is not scoped to the prefix")
    run = statements["RunTasksInThePrefixClustersOnly"]
    expect(listed(run["Action"]) == ["ecs:RunTask"] and any(c.endswith(f":cluster/{NAME_PREFIX}-*")
           for c in listed(run["Condition"]["ArnLike"]["ecs:cluster"])), f"RunTask {run}")
    passing = statements["PassOnlyTheStackRolesToEcsTasks"]
    expect(passing["Condition"] == {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}, f"PassRole {passing}")
    boundary = statements["TaskRolesOnlyWithTheBoundary"]["Condition"]["StringEquals"]["iam:PermissionsBoundary"]
    expect(listed(boundary)[0].endswith(f":policy/{NAME_PREFIX}-task-boundary"), f"boundary {boundary}")
    expect(listed(statements["TaskRolesOnlyWithTheBoundary"]["Resource"]) == [
        f"arn:aws:iam::123456789012:role/{NAME_PREFIX}-*-task"], "task roles resource")
    deny = statements["NoBoundaryEscape"]
    expect(deny["Effect"] == "Deny" and {"iam:DeleteRolePermissionsBoundary", "iam:PutRolePermissionsBoundary",
           "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"} <= set(listed(deny["Action"])), f"deny {deny}")
    dns = statements["PreviewDnsRecords"]["Condition"]
    expect(listed(dns["ForAllValues:StringLike"]["route53:ChangeResourceRecordSetsNormalizedRecordNames"]) == [f"*.{DOMAIN}"]
           and f"www.{DOMAIN}" in listed(dns["ForAllValues:StringNotLike"]["route53:ChangeResourceRecordSetsNormalizedRecordNames"])
           and sorted(listed(dns["ForAllValues:StringEquals"]["route53:ChangeResourceRecordSetsRecordTypes"])) == ["A", "AAAA"],
           f"DNS conditions {dns}")
    master = shared_manifest()["database"]["masterSecretArn"]
    expect(listed(statements["DatabaseMasterSecretForBastion"]["Resource"]) == [master], "master secret by exact ARN")
    if example:
        with open(example) as f:
            other = json.load(f)
        shape = lambda d: {s["Sid"]: (s["Effect"], sorted(listed(s["Action"])), sorted(s.get("Condition", {})))
                           for s in d["Statement"]}
        expect(shape(other) == shape(doc), f"{example} differs from the rendered policy: render it again")


def check_oidc_role(repository, parts_path):
    """The GitHub OIDC role trusts only the repository's listed runs and carries the workflow
    policy as managed policies, part by part."""
    iam = client("iam")
    role = iam.get_role(RoleName=f"{shared_manifest()['name']}-github-workflow")["Role"]
    trust = role["AssumeRolePolicyDocument"]
    trust = json.loads(trust) if isinstance(trust, str) else trust
    statement = trust["Statement"][0]
    expect(listed(statement["Action"]) == ["sts:AssumeRoleWithWebIdentity"]
           and listed(statement["Principal"]["Federated"])[0].endswith(":oidc-provider/token.actions.githubusercontent.com"),
           f"trust {statement}")
    subjects = sorted(listed(statement["Condition"]["StringLike"]["token.actions.githubusercontent.com:sub"]))
    expect(subjects == [f"repo:{repository}:pull_request", f"repo:{repository}:ref:refs/heads/main"], f"subjects {subjects}")
    expect(statement["Condition"]["StringEquals"] == {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
           f"audience {statement['Condition']}")
    with open(parts_path) as f:
        parts = [json.loads(p) for p in json.load(f)]
    attached = iam.list_attached_role_policies(RoleName=role["RoleName"])["AttachedPolicies"]
    documents = []
    for policy in sorted(attached, key=lambda a: a["PolicyName"]):
        version = iam.get_policy(PolicyArn=policy["PolicyArn"])["Policy"]["DefaultVersionId"]
        document = iam.get_policy_version(PolicyArn=policy["PolicyArn"], VersionId=version)["PolicyVersion"]["Document"]
        documents.append(json.loads(document) if isinstance(document, str) else document)
    expect([d["Statement"] for d in documents] == [p["Statement"] for p in parts],
           f"attached {[a['PolicyName'] for a in attached]} do not hold the policy's parts")
    expect(iam.list_role_policies(RoleName=role["RoleName"])["PolicyNames"] == [], "inline policies on the role")


def check_boundary(*envs):
    """Every environment's task role carries the shared permissions boundary."""
    iam = client("iam")
    for env in envs:
        role = iam.get_role(RoleName=f"{named(env)}-task")["Role"]
        arn = role.get("PermissionsBoundary", {}).get("PermissionsBoundaryArn", "")
        expect(arn.endswith(f":policy/{NAME_PREFIX}-task-boundary"), f"{named(env)}-task boundary {arn!r}")


# What RegisterTaskDefinition does not accept among DescribeTaskDefinition's fields.
READ_ONLY = {"taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
             "registeredAt", "registeredBy", "deregisteredAt"}


def check_redeploy(env, repository, tag):
    """Does what the program's deploy does: registers a copy of every task definition whose
    image is in `repository` with `repository:tag` (every field and tag kept) and points the
    services at the new revisions."""
    ecs = client("ecs")
    m = manifest(env)
    running = {s["taskDefinition"]: s["serviceName"]
               for s in ecs.describe_services(cluster=m["cluster"], services=m["services"])["services"]}
    changed = 0
    for reference in list(running) + m["preDeployTasks"]:
        described = ecs.describe_task_definition(taskDefinition=reference, include=["TAGS"])
        td = {k: v for k, v in described["taskDefinition"].items() if k not in READ_ONLY}
        containers = [c for c in td["containerDefinitions"] if c["image"].startswith(repository)]
        if not containers:
            continue
        for c in containers:
            c["image"] = f"{repository}:{tag}"
        if described.get("tags"):
            td["tags"] = described["tags"]
        arn = ecs.register_task_definition(**td)["taskDefinition"]["taskDefinitionArn"]
        if reference in running:
            ecs.update_service(cluster=m["cluster"], service=running[reference], taskDefinition=arn)
        changed += 1
    expect(changed >= 5, f"only {changed} task definitions use {repository}")


CHECKS = {
    "oidc-role": check_oidc_role,
    "workflow-policy": check_workflow_policy,
    "boundary": check_boundary,
    "database-secret": check_database_secret,
    "secrets": check_secrets,
    "isolation": check_isolation,
    "placement": check_placement,
    "public-network": check_public_network,
    "adds-only": check_adds_only,
    "no-changes": check_no_changes,
    "health-checks": check_health_checks,
    "redeploy": check_redeploy,
    "shared-manifest": check_shared_manifest,
    "manifest": check_manifest,
    "rules": check_rules,
    "distinct": check_distinct,
    "discovery": check_discovery,
    "gone": check_gone,
    "intact": check_intact,
}

if __name__ == "__main__":
    CHECKS[sys.argv[1]](*sys.argv[2:])
