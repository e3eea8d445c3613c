package dev.adhoc.action.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

class ServiceRolloutTest {
    private static final String V1 = "arn:aws:ecs:us-east-1:1:task-definition/a-web:1";
    private static final String V2 = "arn:aws:ecs:us-east-1:1:task-definition/a-web:2";

    private static Deployment deployment(String status, String td, String rollout) {
        return Deployment.builder().status(status).taskDefinition(td).rolloutState(rollout).rolloutStateReason("reason " + rollout).build();
    }

    @Test
    void completeOnlyWhenThePrimaryRunsTheTargetCompletedAndAlone() {
        Service rolling = Service.builder().deployments(deployment("PRIMARY", V2, "IN_PROGRESS"), deployment("ACTIVE", V1, "COMPLETED")).build();
        Service draining = Service.builder().deployments(deployment("PRIMARY", V2, "COMPLETED"), deployment("ACTIVE", V1, "COMPLETED")).build();
        Service done = Service.builder().deployments(deployment("PRIMARY", V2, "COMPLETED")).build();
        Service other = Service.builder().deployments(deployment("PRIMARY", V1, "COMPLETED")).build();
        assertThat(ServiceRollout.isComplete(rolling, V2)).isFalse();
        assertThat(ServiceRollout.isComplete(draining, V2)).isFalse();
        assertThat(ServiceRollout.isComplete(done, V2)).isTrue();
        assertThat(ServiceRollout.isComplete(other, V2)).isFalse();
        assertThat(ServiceRollout.isComplete(other, null)).isTrue();
    }

    @Test
    void failedWhenTheTargetDeploymentFailedOrWasRolledBack() {
        Service failed = Service.builder().deployments(deployment("PRIMARY", V2, "FAILED")).build();
        Service rollingBack = Service.builder().deployments(deployment("PRIMARY", V1, "IN_PROGRESS"), deployment("ACTIVE", V2, "FAILED")).build();
        Service rolledBack = Service.builder().deployments(deployment("PRIMARY", V1, "COMPLETED")).build();
        Service fine = Service.builder().deployments(deployment("PRIMARY", V2, "IN_PROGRESS"), deployment("ACTIVE", V1, "COMPLETED")).build();
        assertThat(ServiceRollout.failure(failed, V2)).contains("reason FAILED");
        assertThat(ServiceRollout.failure(rollingBack, V2)).contains("reason FAILED");
        assertThat(ServiceRollout.failure(rolledBack, V2)).get().asString().contains("rolled the service back to a-web:1");
        assertThat(ServiceRollout.failure(fine, V2)).isEmpty();
    }
}
