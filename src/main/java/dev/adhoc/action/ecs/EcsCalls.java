package dev.adhoc.action.ecs;

import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * The ECS calls this program makes, and no others: the SDK's client in production
 * ({@link #of}), an in-memory ECS in unit tests. The builder-taking forms are the SDK's own
 * shorthand, so calls read the same as on {@link EcsClient}.
 */
public interface EcsCalls {

    /** The SDK's client behind these calls. */
    static EcsCalls of(EcsClient client) {
        return new Sdk(client);
    }

    DescribeServicesResponse describeServices(DescribeServicesRequest request);

    UpdateServiceResponse updateService(UpdateServiceRequest request);

    DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request);

    RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request);

    RunTaskResponse runTask(RunTaskRequest request);

    DescribeTasksResponse describeTasks(DescribeTasksRequest request);

    ListTasksResponse listTasks(ListTasksRequest request);

    /** Every page of ListClusters, each page fetched as it is reached. */
    Iterable<ListClustersResponse> listClustersPages(ListClustersRequest request);

    /** Every page of ListTasks, each page fetched as it is reached. */
    Iterable<ListTasksResponse> listTasksPages(ListTasksRequest request);

    StopTaskResponse stopTask(StopTaskRequest request);

    TagResourceResponse tagResource(TagResourceRequest request);

    UntagResourceResponse untagResource(UntagResourceRequest request);

    default DescribeServicesResponse describeServices(Consumer<DescribeServicesRequest.Builder> request) {
        return describeServices(DescribeServicesRequest.builder().applyMutation(request).build());
    }

    default UpdateServiceResponse updateService(Consumer<UpdateServiceRequest.Builder> request) {
        return updateService(UpdateServiceRequest.builder().applyMutation(request).build());
    }

    default DescribeTaskDefinitionResponse describeTaskDefinition(Consumer<DescribeTaskDefinitionRequest.Builder> request) {
        return describeTaskDefinition(DescribeTaskDefinitionRequest.builder().applyMutation(request).build());
    }

    default RunTaskResponse runTask(Consumer<RunTaskRequest.Builder> request) {
        return runTask(RunTaskRequest.builder().applyMutation(request).build());
    }

    default DescribeTasksResponse describeTasks(Consumer<DescribeTasksRequest.Builder> request) {
        return describeTasks(DescribeTasksRequest.builder().applyMutation(request).build());
    }

    default ListTasksResponse listTasks(Consumer<ListTasksRequest.Builder> request) {
        return listTasks(ListTasksRequest.builder().applyMutation(request).build());
    }

    default Iterable<ListClustersResponse> listClustersPages(Consumer<ListClustersRequest.Builder> request) {
        return listClustersPages(ListClustersRequest.builder().applyMutation(request).build());
    }

    default Iterable<ListTasksResponse> listTasksPages(Consumer<ListTasksRequest.Builder> request) {
        return listTasksPages(ListTasksRequest.builder().applyMutation(request).build());
    }

    default StopTaskResponse stopTask(Consumer<StopTaskRequest.Builder> request) {
        return stopTask(StopTaskRequest.builder().applyMutation(request).build());
    }

    default TagResourceResponse tagResource(Consumer<TagResourceRequest.Builder> request) {
        return tagResource(TagResourceRequest.builder().applyMutation(request).build());
    }

    default UntagResourceResponse untagResource(Consumer<UntagResourceRequest.Builder> request) {
        return untagResource(UntagResourceRequest.builder().applyMutation(request).build());
    }

    /** Each call goes to the SDK's client as it is. */
    record Sdk(EcsClient client) implements EcsCalls {
        @Override
        public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
            return client.describeServices(request);
        }

        @Override
        public UpdateServiceResponse updateService(UpdateServiceRequest request) {
            return client.updateService(request);
        }

        @Override
        public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
            return client.describeTaskDefinition(request);
        }

        @Override
        public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
            return client.registerTaskDefinition(request);
        }

        @Override
        public RunTaskResponse runTask(RunTaskRequest request) {
            return client.runTask(request);
        }

        @Override
        public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
            return client.describeTasks(request);
        }

        @Override
        public ListTasksResponse listTasks(ListTasksRequest request) {
            return client.listTasks(request);
        }

        @Override
        public Iterable<ListClustersResponse> listClustersPages(ListClustersRequest request) {
            return client.listClustersPaginator(request);
        }

        @Override
        public Iterable<ListTasksResponse> listTasksPages(ListTasksRequest request) {
            return client.listTasksPaginator(request);
        }

        @Override
        public StopTaskResponse stopTask(StopTaskRequest request) {
            return client.stopTask(request);
        }

        @Override
        public TagResourceResponse tagResource(TagResourceRequest request) {
            return client.tagResource(request);
        }

        @Override
        public UntagResourceResponse untagResource(UntagResourceRequest request) {
            return client.untagResource(request);
        }
    }
}
