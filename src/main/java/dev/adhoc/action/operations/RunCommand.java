package dev.adhoc.action.operations;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.ecs.ContainerLogs;
import dev.adhoc.action.util.Deadline;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.ecs.OneOffTasks;
import dev.adhoc.action.ecs.RunningImages;
import dev.adhoc.action.ecs.TaskResult;
import dev.adhoc.action.text.ShellWords;
import dev.adhoc.action.text.Table;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.SummaryBlock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * {@code run}: one command as a one-off ECS task with the backend image, e.g.
 * {@code python manage.py createsuperuser --no-input}. It runs from the environment's first
 * pre-deploy task definition with a backend container (migrate: same image, environment,
 * secrets, role and network as the app), with that container's command replaced. No shell is
 * involved anywhere: the command is split into words here and given to ECS as the argv.
 * The task's exit code is the step's.
 */
public final class RunCommand implements Operation {
    private final RunOptions options;

    public RunCommand(RunOptions options) {
        this.options = options;
    }

    @Override
    public int run(Context context) {
        EnvironmentName environment = options.environment();
        List<String> argv = options.command();
        Poll poll = context.poll();
        Deadline deadline = poll.deadline(options.waitTimeout());

        Manifest manifest = context.manifests(options.manifestPrefix()).get(environment);
        context.outputs().set("environment", environment.value());
        context.outputs().set("cluster", manifest.cluster());
        context.outputs().set("url", manifest.url());
        String backend = manifest.imageRepository(Manifest.BACKEND).orElseThrow(() -> new AdhocFailure(FailureReason.INVALID_MANIFEST,
                "The manifest of " + environment + " names no images.backend repository, so run cannot tell which task runs the "
                        + "backend image. Add it to the environment module's images and re-apply."));
        Target target = target(context, manifest, backend);

        String line = ShellWords.join(argv);
        TaskResult result = context.log().group("Run " + line + " (" + target.definition().family() + ":" + target.definition().revision()
                + ", container " + target.container() + ")", () -> new OneOffTasks(context.ecs(), context.aws().logs(),
                        context.log(), poll)
                .run(manifest.cluster(), target.definition(), manifest.network(),
                        Optional.of(new OneOffTasks.CommandOverride(target.container(), argv)), deadline));

        int exitCode = result.exitCode();
        String taskId = ContainerLogs.taskId(result.taskArn());
        context.outputs().set("exit-code", Integer.toString(exitCode));
        String heading = (exitCode == 0 ? "✅" : "❌") + " run " + environment;
        Table table = new Table("command", "task", "exit code", "time").inCode("command")
                .row(line, taskId, Integer.toString(exitCode), Durations.format(result.duration()));
        context.summary().append(new SummaryBlock("## " + heading + "\n\n" + table.markdown(),
                heading + "\n" + String.join("\n", table.text()) + "\n"));
        if (exitCode != 0) {
            context.outputs().set("failure-reason", FailureReason.COMMAND_FAILED.value());
            context.log().error("Command '" + line + "' failed in " + environment + " (task " + taskId + "): exit code " + exitCode
                    + (result.stoppedReason() == null || result.stoppedReason().isBlank() ? "" : ", " + result.stoppedReason())
                    + ". Its output is in the group above.");
        } else {
            context.log().info("✓ '" + line + "' exited 0 (" + Durations.format(result.duration()) + ")");
        }
        return exitCode;
    }

    /** The task definition to run and its container that runs the backend image. */
    record Target(TaskDefinition definition, String container) {
    }

    private static Target target(Context context, Manifest manifest, String backendRepository) {
        for (String family : manifest.preDeployTasks()) {
            TaskDefinition definition = context.ecs().describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
            Optional<String> backend = RunningImages.byRole(manifest, List.of(definition)).stream()
                    .filter(found -> found.role().equals(Manifest.BACKEND)).map(RunningImages.RoleImage::container).findFirst();
            if (backend.isPresent()) return new Target(definition, backend.get());
        }
        throw new AdhocFailure(FailureReason.NO_BACKEND_TASK, "No pre-deploy task of " + manifest.environment() + " (" + String.join(", ",
                manifest.preDeployTasks()) + ") has a container with the backend image " + backendRepository
                + ", so there is no task definition to run the command from. Check the environment module's pre-deploy tasks.");
    }
}
