package dev.adhoc.action.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.ecs.RunningImages.RoleImage;
import dev.adhoc.action.model.ImageReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

class FleetStatusTest {

    private static Service service(int desired, int running, String... rollouts) {
        List<Deployment> deployments = new java.util.ArrayList<>();
        for (int i = 0; i < rollouts.length; i++) {
            deployments.add(Deployment.builder().status(i == 0 ? "PRIMARY" : "ACTIVE").rolloutState(rollouts[i]).build());
        }
        return Service.builder().serviceName("s").desiredCount(desired).runningCount(running).deployments(deployments).build();
    }

    @Test
    void statesFromCountsAndDeployments() {
        assertThat(FleetStatus.state(List.of(service(2, 2, "COMPLETED"), service(1, 1, "COMPLETED"))))
                .isEqualTo(EnvironmentStatus.State.RUNNING);
        assertThat(FleetStatus.state(List.of(service(0, 0, "COMPLETED"), service(0, 0, "COMPLETED"))))
                .isEqualTo(EnvironmentStatus.State.STOPPED);
        // Still stopping, or a service scaled down on its own: neither running nor stopped.
        assertThat(FleetStatus.state(List.of(service(0, 1, "COMPLETED"), service(0, 0, "COMPLETED"))))
                .isEqualTo(EnvironmentStatus.State.PARTIALLY_RUNNING);
        assertThat(FleetStatus.state(List.of(service(1, 1, "COMPLETED"), service(0, 0, "COMPLETED"))))
                .isEqualTo(EnvironmentStatus.State.PARTIALLY_RUNNING);
        assertThat(FleetStatus.state(List.of(service(1, 1, "COMPLETED"), service(1, 0, "IN_PROGRESS", "COMPLETED"))))
                .isEqualTo(EnvironmentStatus.State.DEPLOYING);
        assertThat(FleetStatus.state(List.of(service(1, 1, "IN_PROGRESS"))))
                .isEqualTo(EnvironmentStatus.State.DEPLOYING);
    }

    @Test
    void listShowsEveryVersionOfARoleSortedWithLatestForAnImageWithoutTagOrDigest() {
        List<RoleImage> images = List.of(new RoleImage("frontend", "c", ImageReference.parse("repo/frontend")),
                new RoleImage("backend", "c", ImageReference.parse("repo/backend:v2")),
                new RoleImage("backend", "c", ImageReference.parse("repo/backend:v1")),
                new RoleImage("backend", "c", ImageReference.parse("repo/backend:v2")));

        assertThat(FleetStatus.versionsShown(images)).containsExactly(Map.entry("backend", "v1, v2"), Map.entry("frontend", "latest"));
    }
}
