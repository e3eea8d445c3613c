package dev.adhoc.action.fleet;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.aws.Parallel;
import dev.adhoc.action.aws.ServiceQuotas;
import dev.adhoc.action.ecs.EcsCalls;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * Before {@code create} makes a new environment: the account-wide limits it would run into, each
 * checked against what is in use now. Fargate vCPUs (On-Demand and Spot, Service Quotas; in use =
 * the running tasks' cpu), the shared database server's connections (environments × the
 * per-environment connection limit against its max_connections, less a reserve for the
 * administrator) and ECS clusters. Every limit that would be exceeded is named in one failure,
 * one sentence each: the limit, the use, the fix. A quota Service Quotas does not answer is
 * reported and not checked; the load balancers are {@code loadbalancer.LoadBalancerHeadroom}'s.
 */
public final class CapacityPreflight {
    /** Service Quotas: Fargate On-Demand vCPU resource count. */
    static final String ON_DEMAND_VCPU = "L-3032A538";
    /** Service Quotas: Fargate Spot vCPU resource count. */
    static final String SPOT_VCPU = "L-36FBB829";
    /** Service Quotas: Clusters per account (ECS), default 10000. */
    static final String CLUSTERS = "L-21C621EB";
    static final int DEFAULT_CLUSTERS = 10_000;
    /** Connections kept free on the database server for the administrator and the program's own database step. */
    public static final int RESERVED_CONNECTIONS = 10;

    /**
     * What a new environment runs at the environment module's default sizes: web 0.5 vCPU,
     * worker, beat, frontend and redis 0.25 each, on Fargate Spot; its one-off tasks run on
     * On-Demand, one at a time, the largest (migrate) 0.5 vCPU.
     */
    public record Need(double spotVcpu, double onDemandVcpu, String basis) {
        public static final Need MODULE_DEFAULTS = new Need(1.5, 0.5, "at the environment module's default sizes");
    }

    private final EcsCalls ecs;
    private final ServiceQuotasClient quotas;
    private final JobLog log;

    public CapacityPreflight(EcsCalls ecs, ServiceQuotasClient quotas, JobLog log) {
        this.ecs = ecs;
        this.quotas = quotas;
        this.log = log;
    }

    /** vCPUs of running Fargate tasks in the region, by kind. */
    public record FargateUse(double onDemand, double spot) {
    }

    /**
     * Checks every limit for one more environment needing {@code need}, with {@code environments}
     * environments already there; {@code databaseRoles} says whether it gets a database login role.
     */
    public void check(SharedManifest shared, int environments, boolean databaseRoles, Need need) {
        List<String> exceeded = new ArrayList<>();
        FargateUse use = fargateUse();
        vcpu("Fargate On-Demand vCPU resource count", ON_DEMAND_VCPU, use.onDemand(), need.onDemandVcpu(), need, exceeded);
        vcpu("Fargate Spot vCPU resource count", SPOT_VCPU, use.spot(), need.spotVcpu(), need, exceeded);
        if (databaseRoles) connections(shared.database(), environments, exceeded);
        clusters(exceeded);
        if (!exceeded.isEmpty()) throw new AdhocFailure(FailureReason.QUOTA_EXCEEDED, String.join(" ", exceeded));
    }

    private void vcpu(String name, String code, double used, double needed, Need need, List<String> exceeded) {
        OptionalDouble quota = ServiceQuotas.value(quotas, "fargate", code);
        if (quota.isEmpty()) {
            log.info(name + " (fargate " + code + "): not checked, Service Quotas did not answer; " + number(used) + " vCPUs in use.");
            return;
        }
        log.info(name + ": " + number(used) + " of " + number(quota.getAsDouble()) + " vCPUs in use; this environment needs "
                + number(needed) + ".");
        if (used + needed > quota.getAsDouble()) {
            exceeded.add("The Service Quotas quota '" + name + "' (fargate " + code + ") is " + number(quota.getAsDouble())
                    + " vCPUs, " + number(used) + " are in use and this environment needs " + number(needed) + " " + need.basis()
                    + ": stop or destroy idle environments (operations stop, cleanup) or request a quota increase.");
        }
    }

    private void connections(SharedManifest.Database database, int environments, List<String> exceeded) {
        if (database.maxConnections().isEmpty()) {
            log.info("Database connections: not checked, the shared manifest does not publish database.maxConnections.");
            return;
        }
        int max = database.maxConnections().getAsInt();
        int available = max - RESERVED_CONNECTIONS;
        int committed = environments * database.connectionLimit();
        log.info("Database connections: " + environments + " environments × " + database.connectionLimit() + " = " + committed
                + " of " + available + " (max_connections " + max + " less " + RESERVED_CONNECTIONS + " reserved).");
        if (committed + database.connectionLimit() > available) {
            exceeded.add("The database server allows " + max + " connections (max_connections, " + RESERVED_CONNECTIONS
                    + " kept for the administrator) and " + environments + " environments already may hold " + committed
                    + " (" + database.connectionLimit() + " each), so another would overcommit it: use a larger instance class "
                    + "(db_max_connections follows its memory), lower db_connection_limit_per_environment, or destroy idle environments.");
        }
    }

    private void clusters(List<String> exceeded) {
        int used = clusterArns().size();
        OptionalDouble quota = ServiceQuotas.value(quotas, "ecs", CLUSTERS);
        int limit = quota.isPresent() ? (int) quota.getAsDouble() : DEFAULT_CLUSTERS;
        log.info("ECS clusters: " + used + " of " + limit + (quota.isPresent() ? "" : " (the documented default)") + ".");
        if (used + 1 > limit) {
            exceeded.add("The Service Quotas quota 'Clusters per account' (ecs " + CLUSTERS + ") is " + limit + " and " + used
                    + " clusters exist, so another environment's cluster cannot be made: destroy idle environments or request a quota increase.");
        }
    }

    /** vCPUs of the tasks running now in every cluster of the region, On-Demand and Spot apart. */
    public FargateUse fargateUse() {
        List<String> clusters = clusterArns();
        Map<String, List<Task>> tasks = Parallel.map(clusters, this::runningTasks);
        double onDemand = 0;
        double spot = 0;
        for (List<Task> each : tasks.values()) {
            for (Task task : each) {
                double vcpu = task.cpu() == null ? 0 : Double.parseDouble(task.cpu()) / 1024;
                if ("FARGATE_SPOT".equals(task.capacityProviderName())) spot += vcpu;
                else if (task.launchTypeAsString() == null || !"EC2".equals(task.launchTypeAsString())) onDemand += vcpu;
            }
        }
        return new FargateUse(onDemand, spot);
    }

    private List<String> clusterArns() {
        return StreamSupport.stream(ecs.listClustersPages(r -> { }).spliterator(), false)
                .flatMap(page -> page.clusterArns().stream()).toList();
    }

    private List<Task> runningTasks(String cluster) {
        List<String> arns = StreamSupport.stream(ecs.listTasksPages(r -> r.cluster(cluster).desiredStatus("RUNNING")).spliterator(), false)
                .flatMap(page -> page.taskArns().stream()).toList();
        List<Task> tasks = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += 100) {
            List<String> chunk = arns.subList(from, Math.min(arns.size(), from + 100));
            tasks.addAll(ecs.describeTasks(r -> r.cluster(cluster).tasks(chunk)).tasks());
        }
        return tasks;
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
