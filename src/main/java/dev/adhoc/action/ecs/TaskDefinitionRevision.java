package dev.adhoc.action.ecs;

import dev.adhoc.action.model.ImageReference;
import dev.adhoc.action.model.ImageTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Builds the next revision of a task definition with new image tags.
 *
 * <p>The request is copied field by field through the SDK's own model metadata: every member
 * RegisterTaskDefinition accepts is taken from the described task definition by name, so a
 * field ECS adds later (and the SDK models) is kept without a change here, and read-only fields
 * (ARN, revision, status, registeredAt...) fall away because the request has no such member.
 * Only the image of containers whose repository is being rolled out changes.
 */
public final class TaskDefinitionRevision {
    private TaskDefinitionRevision() {
    }

    /** A container whose image changes: {@code web: repo:v1 → repo:v2}. */
    public record ImageChange(String container, String from, String to) {
    }

    /** The request for the next revision, with the image changes it makes; empty when nothing changes. */
    public record Next(RegisterTaskDefinitionRequest request, List<ImageChange> changes) {
    }

    public static Optional<Next> withImages(TaskDefinition current, List<Tag> tags, Map<String, ImageTag> tagsByRepository) {
        List<ImageChange> changes = new ArrayList<>();
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition container : current.containerDefinitions()) {
            ImageReference image = ImageReference.parse(container.image());
            ImageTag newTag = tagsByRepository.get(image.repository());
            String newImage = newTag == null ? container.image() : image.withTag(newTag).toString();
            if (!newImage.equals(container.image())) {
                changes.add(new ImageChange(container.name(), container.image(), newImage));
                containers.add(container.toBuilder().image(newImage).build());
            } else {
                containers.add(container);
            }
        }
        if (changes.isEmpty()) return Optional.empty();
        RegisterTaskDefinitionRequest.Builder builder = copyOf(current);
        builder.containerDefinitions(containers);
        if (!tags.isEmpty()) builder.tags(tags);
        return Optional.of(new Next(builder.build(), List.copyOf(changes)));
    }

    /** Every field of {@code current} that RegisterTaskDefinition accepts, matched by member name and type. */
    static RegisterTaskDefinitionRequest.Builder copyOf(TaskDefinition current) {
        Map<String, SdkField<?>> source = new HashMap<>();
        for (SdkField<?> field : current.sdkFields()) source.put(field.memberName(), field);
        RegisterTaskDefinitionRequest.Builder builder = RegisterTaskDefinitionRequest.builder();
        for (SdkField<?> target : builder.sdkFields()) {
            SdkField<?> from = source.get(target.memberName());
            if (from == null || from.marshallingType() != target.marshallingType()) continue;
            Object value = from.getValueOrDefault(current);
            if (value != null) target.set(builder, value);
        }
        return builder;
    }
}
