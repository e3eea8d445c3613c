package dev.adhoc.action.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.manifest.Manifest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class RunningImagesTest {
    private static final String BACKEND = "registry.example.com:5000/shop/backend";
    private static final String FRONTEND = "registry.example.com:5000/shop/frontend";
    private static final Manifest MANIFEST = ServiceRolloutTest.manifest(List.of(), List.of(),
            Map.of(Manifest.BACKEND, BACKEND, Manifest.FRONTEND, FRONTEND));

    private static TaskDefinition definition(String... images) {
        return TaskDefinition.builder().containerDefinitions(IntStream.range(0, images.length)
                .mapToObj(i -> ContainerDefinition.builder().name("c" + i).image(images[i]).build()).toList()).build();
    }

    @Test
    void everyContainerOfARolesRepositoryInTheOrderMetAndNoOtherImage() {
        List<TaskDefinition> definitions = List.of(definition(BACKEND + ":v1", "public.ecr.aws/nginx/nginx:1.27", FRONTEND),
                definition(BACKEND + "@sha256:abc", BACKEND + ":v1"));

        assertThat(RunningImages.byRole(MANIFEST, definitions)).extracting(found -> found.role() + " " + found.container() + " " + found.image())
                .containsExactly("backend c0 " + BACKEND + ":v1", "frontend c2 " + FRONTEND, "backend c0 " + BACKEND + "@sha256:abc",
                        "backend c1 " + BACKEND + ":v1");
    }

    @Test
    void theVersionsToKeepAreEachRolesFirstTagOrDigestAndARoleWithoutOneIsLeftOut() {
        assertThat(RunningImages.versions(MANIFEST, List.of(definition(FRONTEND, BACKEND + "@sha256:abc"), definition(BACKEND + ":v2"))))
                .containsExactly(Map.entry(Manifest.BACKEND, "sha256:abc"));
        assertThat(RunningImages.versions(MANIFEST, List.of(definition(FRONTEND + ":v1", BACKEND + ":v2"))))
                .containsExactly(Map.entry(Manifest.FRONTEND, "v1"), Map.entry(Manifest.BACKEND, "v2"));
    }

    @Test
    void theVersionsRunningNowAreReadFromTheTaskDefinitionsTheServicesRun() {
        String web = "alpha-web";
        String worker = "alpha-worker";
        Manifest manifest = ServiceRolloutTest.manifest(List.of(web, worker), List.of(),
                Map.of(Manifest.BACKEND, BACKEND, Manifest.FRONTEND, FRONTEND));
        FakeEcs ecs = new FakeEcs()
                .service(web, running(web, FakeEcs.arn(web, 7)))
                .service(worker, running(worker, FakeEcs.arn(worker, 2)))
                .definition(described(FakeEcs.arn(web, 7), BACKEND + ":v7", FRONTEND + ":v3"))
                .definition(described(FakeEcs.arn(web, 8), BACKEND + ":v8"))
                .definition(described(FakeEcs.arn(worker, 2), BACKEND + ":v7"));

        assertThat(new RunningImages(ecs).of(manifest))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Manifest.BACKEND, "v7", Manifest.FRONTEND, "v3"));
        assertThat(ecs.changes()).as("reading changes nothing").isEmpty();
    }

    private static Service running(String name, String taskDefinition) {
        return FakeEcs.Services.service(name, List.of(), FakeEcs.Services.deployment("PRIMARY", taskDefinition, "COMPLETED"));
    }

    private static TaskDefinition described(String arn, String... images) {
        return definition(images).toBuilder().taskDefinitionArn(arn).build();
    }
}
