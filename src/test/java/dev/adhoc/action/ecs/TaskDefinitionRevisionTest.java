package dev.adhoc.action.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.model.ImageTag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class TaskDefinitionRevisionTest {
    private static final String BACKEND = "1234.dkr.ecr.us-east-1.amazonaws.com/backend";
    private static final String FRONTEND = "1234.dkr.ecr.us-east-1.amazonaws.com/frontend";

    private static TaskDefinition described() {
        return TaskDefinition.builder()
                .taskDefinitionArn("arn:aws:ecs:us-east-1:1234:task-definition/alpha-web:7")
                .family("alpha-web").revision(7).status("ACTIVE")
                .registeredAt(java.time.Instant.now()).registeredBy("someone")
                .compatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .requiresAttributes(a -> a.name("com.amazonaws.ecs.capability.logging-driver.awslogs"))
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode("awsvpc").cpu("512").memory("1024")
                .executionRoleArn("arn:exec").taskRoleArn("arn:task")
                .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .ephemeralStorage(e -> e.sizeInGiB(40))
                .volumes(v -> v.name("data").efsVolumeConfiguration(efs -> efs.fileSystemId("fs-1")))
                .placementConstraints(p -> p.type("memberOf").expression("attribute:x == y"))
                .proxyConfiguration(p -> p.containerName("envoy").type("APPMESH"))
                .pidMode("task")
                .containerDefinitions(
                        ContainerDefinition.builder().name("web").image(BACKEND + ":v1").essential(true)
                                .secrets(s -> s.name("DATABASE_PASSWORD").valueFrom("arn:secret")).build(),
                        ContainerDefinition.builder().name("nginx").image(FRONTEND + ":v1").build(),
                        ContainerDefinition.builder().name("xray").image("public.ecr.aws/xray/aws-xray-daemon:3").build())
                .build();
    }

    @Test
    void changesOnlyContainersOfTheRolledOutRepository() {
        var next = TaskDefinitionRevision.withImages(described(), List.of(), Map.of(BACKEND, ImageTag.of("v2"))).orElseThrow();
        List<ContainerDefinition> containers = next.request().containerDefinitions();
        assertThat(containers).extracting(ContainerDefinition::image)
                .containsExactly(BACKEND + ":v2", FRONTEND + ":v1", "public.ecr.aws/xray/aws-xray-daemon:3");
        assertThat(containers.get(0).secrets()).hasSize(1);
        assertThat(next.changes()).containsExactly(new TaskDefinitionRevision.ImageChange("web", BACKEND + ":v1", BACKEND + ":v2"));
    }

    @Test
    void digestsReplaceTags() {
        String digest = "sha256:" + "b".repeat(64);
        var next = TaskDefinitionRevision.withImages(described(), List.of(), Map.of(FRONTEND, ImageTag.of(digest))).orElseThrow();
        assertThat(next.request().containerDefinitions().get(1).image()).isEqualTo(FRONTEND + "@" + digest);
    }

    @Test
    void noChangeMeansNoNewRevision() {
        assertThat(TaskDefinitionRevision.withImages(described(), List.of(), Map.of(BACKEND, ImageTag.of("v1")))).isEmpty();
        assertThat(TaskDefinitionRevision.withImages(described(), List.of(), Map.of("other/repo", ImageTag.of("v9")))).isEmpty();
    }

    @Test
    void keepsEveryFieldRegisterAcceptsAndTheTags() {
        List<Tag> tags = List.of(Tag.builder().key("team").value("web").build());
        RegisterTaskDefinitionRequest request = TaskDefinitionRevision
                .withImages(described(), tags, Map.of(BACKEND, ImageTag.of("v2"))).orElseThrow().request();
        assertThat(request.family()).isEqualTo("alpha-web");
        assertThat(request.runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
        assertThat(request.ephemeralStorage().sizeInGiB()).isEqualTo(40);
        assertThat(request.volumes().get(0).efsVolumeConfiguration().fileSystemId()).isEqualTo("fs-1");
        assertThat(request.placementConstraints()).hasSize(1);
        assertThat(request.proxyConfiguration().containerName()).isEqualTo("envoy");
        assertThat(request.pidModeAsString()).isEqualTo("task");
        assertThat(request.executionRoleArn()).isEqualTo("arn:exec");
        assertThat(request.tags()).isEqualTo(tags);
    }

    /**
     * The copy is generic: every member the request and the described task definition share is
     * carried over, whatever ECS adds next; this fails if one is ever skipped.
     */
    @Test
    void everySharedMemberIsCopied() {
        Set<String> described = TaskDefinition.builder().build().sdkFields().stream().map(SdkField::memberName).collect(Collectors.toSet());
        RegisterTaskDefinitionRequest copy = TaskDefinitionRevision.copyOf(described()).build();
        TaskDefinition source = described();
        for (SdkField<?> field : copy.sdkFields()) {
            if (!described.contains(field.memberName())) continue;
            Object original = source.sdkFields().stream().filter(f -> f.memberName().equals(field.memberName())).findFirst()
                    .orElseThrow().getValueOrDefault(source);
            assertThat(field.getValueOrDefault(copy)).as(field.memberName()).isEqualTo(original);
        }
    }

    @Test
    void readOnlyFieldsFallAway() {
        Set<String> requestMembers = RegisterTaskDefinitionRequest.builder().build().sdkFields().stream()
                .map(SdkField::memberName).collect(Collectors.toSet());
        assertThat(requestMembers).doesNotContain("taskDefinitionArn", "revision", "status", "registeredAt", "registeredBy",
                "compatibilities", "requiresAttributes");
    }
}
