package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.ecs.EnvironmentRollout;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code deploy}: rolls new backend and/or frontend image tags out to an existing environment. */
public final class Deploy implements Operation {
    private final DeployOptions options;

    public Deploy(DeployOptions options) {
        this.options = options;
    }

    @Override
    public int run(Context context) {
        EnvironmentName environment = options.environment();
        Poll poll = context.poll();
        Deadline deadline = poll.deadline(options.waitTimeout());

        Manifest manifest = context.manifests(options.manifestPrefix()).get(environment);
        context.outputs().set("environment", environment.value());
        context.outputs().set("cluster", manifest.cluster());
        context.outputs().set("url", manifest.url());
        Map<String, ImageTag> tagsByRepository = new LinkedHashMap<>();
        options.backendImageTag().ifPresent(tag -> tagsByRepository.put(repository(manifest, Manifest.BACKEND), tag));
        options.frontendImageTag().ifPresent(tag -> tagsByRepository.put(repository(manifest, Manifest.FRONTEND), tag));

        Reporting reporting = Reporting.start(context, Verb.DEPLOY, options.github(), environment, Optional.of(manifest)).deploying();
        try {
            EnvironmentRollout.Outcome outcome = new EnvironmentRollout(context.ecs(), context.aws().logs(), context.log(),
                    poll).deploy(manifest, tagsByRepository, deadline, reporting);
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
