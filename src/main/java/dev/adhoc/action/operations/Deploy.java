package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.ecs.EcsCalls;
import dev.adhoc.action.ecs.EnvironmentRollout;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code deploy}: rolls new backend and/or frontend image tags out to an existing environment. */
public final class Deploy implements Operation {

    @Override
    public int run(Context context) {
        // Everything the user typed is checked before the first AWS call.
        EnvironmentName environment = context.environmentName();
        Optional<ImageTag> backend = context.inputs().given(Input.BACKEND_IMAGE_TAG).map(ImageTag::of);
        Optional<ImageTag> frontend = context.inputs().given(Input.FRONTEND_IMAGE_TAG).map(ImageTag::of);
        if (backend.isEmpty() && frontend.isEmpty()) {
            throw AdhocFailure.invalidInput("deploy needs backend-image-tag, frontend-image-tag or both: there is nothing to roll out.");
        }
        Duration timeout = context.waitTimeout();
        Deadline deadline = Deadline.after(timeout);

        Manifest manifest = context.manifests().get(environment);
        context.outputs().set("environment", environment.value());
        context.outputs().set("cluster", manifest.cluster());
        context.outputs().set("url", manifest.url());
        Map<String, ImageTag> tagsByRepository = new LinkedHashMap<>();
        backend.ifPresent(tag -> tagsByRepository.put(repository(manifest, Manifest.BACKEND), tag));
        frontend.ifPresent(tag -> tagsByRepository.put(repository(manifest, Manifest.FRONTEND), tag));

        Reporting reporting = Reporting.start(context, OperationName.DEPLOY, environment, Optional.of(manifest)).deploying();
        try {
            EnvironmentRollout.Outcome outcome = new EnvironmentRollout(EcsCalls.of(context.aws().ecs()), context.aws().logs(), context.log(),
                    Poll.system()).deploy(manifest, tagsByRepository, deadline, reporting);
            context.outputs().set("task-definitions", Reporting.json(context, outcome.taskDefinitions()));
            reporting.succeeded(manifest, outcome, Optional.empty());
            context.log().notice("Deployed " + tagsByRepository.values() + " to " + environment + ": " + manifest.url());
            return 0;
        } catch (RuntimeException failure) {
            reporting.failed(failure);
            throw failure;
        }
    }

    private static String repository(Manifest manifest, String role) {
        return manifest.imageRepository(role).orElseThrow(() -> new AdhocFailure(FailureReason.INVALID_MANIFEST,
                "The manifest of " + manifest.environment() + " names no images." + role + " repository, so a " + role
                        + " tag cannot be rolled out. Add it to the environment module's images and re-apply."));
    }
}
