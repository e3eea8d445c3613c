package dev.adhoc.action.ecs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * ECS in memory, as a rollout sees it through {@link EcsCalls}. A test scripts what each
 * DescribeServices or DescribeTasks shows next (the last view stays once the script is used
 * up) and what an UpdateService or RunTask sets off; every call that changes something is
 * recorded in {@link #changes()}. Calls may come from several threads at once (services are
 * updated in parallel): each is served whole.
 */
final class FakeEcs implements EcsCalls {
    static final String ACCOUNT = "arn:aws:ecs:us-east-1:123456789012:";

    private final Map<String, Deque<Service>> serviceViews = new LinkedHashMap<>();
    private final Map<String, Function<String, List<Service>>> onUpdate = new HashMap<>();
    private final Map<String, TaskDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, List<Tag>> tags = new HashMap<>();
    private final Map<String, List<Task>> plannedRuns = new HashMap<>();
    private final Map<String, Deque<Task>> taskViews = new LinkedHashMap<>();
    private final Map<String, List<Task>> stoppedServiceTasks = new HashMap<>();
    private final List<String> changes = new ArrayList<>();
    private int runs;

    static String arn(String family, int revision) {
        return ACCOUNT + "task-definition/" + family + ":" + revision;
    }

    /** What DescribeServices shows of {@code name}, one view per call. */
    FakeEcs service(String name, Service... views) {
        serviceViews.put(name, new ArrayDeque<>(List.of(views)));
        return this;
    }

    /** What DescribeServices shows of {@code name} after an UpdateService to a task definition (given its ARN). */
    FakeEcs onUpdate(String name, Function<String, List<Service>> views) {
        onUpdate.put(name, views);
        return this;
    }

    FakeEcs definition(TaskDefinition definition, Tag... definitionTags) {
        definitions.put(definition.taskDefinitionArn(), definition);
        tags.put(definition.taskDefinitionArn(), List.of(definitionTags));
        return this;
    }

    /** What DescribeTasks shows, one view per call, of the task the next RunTask of {@code family} starts. */
    FakeEcs run(String family, Task... views) {
        plannedRuns.put(family, List.of(views));
        return this;
    }

    /** The stopped tasks ListTasks finds for a service. */
    FakeEcs stopped(String service, Task... tasks) {
        stoppedServiceTasks.put(service, List.of(tasks));
        tasks(tasks);
        return this;
    }

    private void tasks(Task... tasks) {
        for (Task task : tasks) taskViews.put(task.taskArn(), new ArrayDeque<>(List.of(task)));
    }

    synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    @Override
    public synchronized DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        List<Service> services = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String name : request.services()) {
            Deque<Service> views = serviceViews.get(name);
            if (views == null) failures.add(Failure.builder().arn(name).reason("MISSING").build());
            else services.add(views.size() > 1 ? views.poll() : views.peek());
        }
        return DescribeServicesResponse.builder().services(services).failures(failures).build();
    }

    @Override
    public synchronized UpdateServiceResponse updateService(UpdateServiceRequest request) {
        String name = request.service();
        if (request.taskDefinition() == null) {
            // Scaling: what the service shows next is the test's script.
            changes.add("UpdateService " + name + " desiredCount " + request.desiredCount());
            return UpdateServiceResponse.builder().build();
        }
        changes.add("UpdateService " + name + " → " + ServiceRollout.revisionName(request.taskDefinition()));
        List<Service> views = onUpdate.getOrDefault(name, target -> List.of(Services.service(name, List.of(),
                Services.deployment("PRIMARY", target, "COMPLETED")))).apply(request.taskDefinition());
        serviceViews.put(name, new ArrayDeque<>(views));
        return UpdateServiceResponse.builder().service(views.get(0)).build();
    }

    @Override
    public synchronized DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        TaskDefinition definition = resolve(request.taskDefinition());
        DescribeTaskDefinitionResponse.Builder response = DescribeTaskDefinitionResponse.builder().taskDefinition(definition);
        if (request.include().contains(TaskDefinitionField.TAGS)) response.tags(tags.get(definition.taskDefinitionArn()));
        return response.build();
    }

    /** An ARN, {@code family:revision} or a family (its latest revision). */
    private TaskDefinition resolve(String reference) {
        if (definitions.containsKey(reference)) return definitions.get(reference);
        return definitions.values().stream()
                .filter(d -> reference.equals(d.family()) || reference.equals(d.family() + ":" + d.revision()))
                .max(Comparator.comparing(TaskDefinition::revision))
                .orElseThrow(() -> new IllegalArgumentException("no task definition " + reference));
    }

    @Override
    public synchronized RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        int revision = definitions.values().stream().filter(d -> d.family().equals(request.family()))
                .mapToInt(TaskDefinition::revision).max().orElse(0) + 1;
        TaskDefinition definition = TaskDefinition.builder().family(request.family()).revision(revision)
                .taskDefinitionArn(arn(request.family(), revision)).containerDefinitions(request.containerDefinitions()).build();
        definition(definition, request.tags().toArray(Tag[]::new));
        changes.add("RegisterTaskDefinition " + request.family() + ":" + revision);
        return RegisterTaskDefinitionResponse.builder().taskDefinition(definition).build();
    }

    @Override
    public synchronized RunTaskResponse runTask(RunTaskRequest request) {
        TaskDefinition definition = resolve(request.taskDefinition());
        String taskArn = ACCOUNT + "task/" + request.cluster() + "/" + definition.family() + "-" + (++runs);
        changes.add("RunTask " + definition.family() + ":" + definition.revision() + " " + request.launchTypeAsString());
        List<Task> views = plannedRuns.get(definition.family());
        if (views == null) throw new IllegalStateException("no run of " + definition.family() + " planned");
        taskViews.put(taskArn, new ArrayDeque<>(views.stream()
                .map(v -> v.toBuilder().taskArn(taskArn).taskDefinitionArn(definition.taskDefinitionArn()).build()).toList()));
        return RunTaskResponse.builder().tasks(taskViews.get(taskArn).peek()).build();
    }

    @Override
    public synchronized DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        List<Task> tasks = new ArrayList<>();
        for (String arn : request.tasks()) {
            Deque<Task> views = taskViews.get(arn);
            if (views != null) tasks.add(views.size() > 1 ? views.poll() : views.peek());
        }
        return DescribeTasksResponse.builder().tasks(tasks).build();
    }

    @Override
    public synchronized ListTasksResponse listTasks(ListTasksRequest request) {
        List<Task> tasks = DesiredStatus.STOPPED.equals(request.desiredStatus())
                ? stoppedServiceTasks.getOrDefault(request.serviceName(), List.of()) : List.of();
        return ListTasksResponse.builder().taskArns(tasks.stream().map(Task::taskArn).toList()).build();
    }

    /** One page: the tasks {@link #listTasks} finds. */
    @Override
    public Iterable<ListTasksResponse> listTasksPages(ListTasksRequest request) {
        return List.of(listTasks(request));
    }

    /** One page, empty: the services a test scripts belong to no listed cluster. */
    @Override
    public Iterable<ListClustersResponse> listClustersPages(ListClustersRequest request) {
        return List.of(ListClustersResponse.builder().build());
    }

    @Override
    public synchronized StopTaskResponse stopTask(StopTaskRequest request) {
        changes.add("StopTask " + ContainerLogs.taskId(request.task()) + " (" + request.reason() + ")");
        return StopTaskResponse.builder().build();
    }

    @Override
    public synchronized TagResourceResponse tagResource(TagResourceRequest request) {
        request.tags().forEach(t -> changes.add("TagResource " + request.resourceArn() + " " + t.key() + "=" + t.value()));
        return TagResourceResponse.builder().build();
    }

    @Override
    public synchronized UntagResourceResponse untagResource(UntagResourceRequest request) {
        changes.add("UntagResource " + request.resourceArn() + " " + String.join(",", request.tagKeys()));
        return UntagResourceResponse.builder().build();
    }

    /** Services and deployments as DescribeServices returns them. */
    static final class Services {
        private Services() {
        }

        static Deployment deployment(String status, String taskDefinition, String rolloutState) {
            return deployment(status, taskDefinition, rolloutState, null);
        }

        static Deployment deployment(String status, String taskDefinition, String rolloutState, String reason) {
            return Deployment.builder().status(status).taskDefinition(taskDefinition).rolloutState(rolloutState)
                    .rolloutStateReason(reason).desiredCount(1).runningCount("COMPLETED".equals(rolloutState) ? 1 : 0).build();
        }

        static Service service(String name, List<ServiceEvent> events, Deployment... deployments) {
            String primary = List.of(deployments).stream().filter(d -> "PRIMARY".equals(d.status())).findFirst()
                    .map(Deployment::taskDefinition).orElse(null);
            return Service.builder().serviceName(name).serviceArn(ACCOUNT + "service/" + name).taskDefinition(primary)
                    .desiredCount(1).runningCount(1).events(events).deployments(deployments).build();
        }

        /** A service by its task counts alone. */
        static Service counts(String name, int desired, int running, int pending) {
            return Service.builder().serviceName(name).serviceArn(ACCOUNT + "service/" + name)
                    .desiredCount(desired).runningCount(running).pendingCount(pending).build();
        }
    }

    /** One-off and service tasks as DescribeTasks returns them. */
    static final class Tasks {
        private Tasks() {
        }

        static Task running() {
            return Task.builder().lastStatus("RUNNING").build();
        }

        /** Stopped, its one container exiting with {@code exitCode}. */
        static Task stopped(String container, int exitCode) {
            return Task.builder().lastStatus("STOPPED").stopCode("EssentialContainerExited")
                    .stoppedReason("Essential container in task exited")
                    .containers(Container.builder().name(container).exitCode(exitCode).build()).build();
        }
    }
}
