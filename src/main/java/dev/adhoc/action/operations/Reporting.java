package dev.adhoc.action.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Durations;
import dev.adhoc.action.ecs.EnvironmentRollout;
import dev.adhoc.action.ecs.TaskResult;
import dev.adhoc.action.manifest.Manifest;
import dev.adhoc.action.model.EnvironmentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What a run tells people: the job summary (and, through the GitHub side, the pull request). */
final class Reporting {
    private final Context context;
    private final EnvironmentName environment;
    private final long startedNanos = System.nanoTime();

    private Reporting(Context context, EnvironmentName environment) {
        this.context = context;
        this.environment = environment;
    }

    static Reporting start(Context context, EnvironmentName environment, Optional<Manifest> manifest) {
        return new Reporting(context, environment);
    }

    <T> T phase(String name, java.util.function.Supplier<T> body) {
        return body.get();
    }

    void phase(String name, Runnable body) {
        body.run();
    }

    void destroyed() {
        context.summary().append("## 🗑️ " + environment + " destroyed\n");
    }

    void succeeded(Manifest manifest, EnvironmentRollout.Outcome outcome, Optional<String> plan) {
        plan.ifPresent(context.summary()::append);
        succeeded(manifest, outcome);
    }

    void failed(Optional<Manifest> manifest, AdhocFailure failure) {
        context.summary().append("## ❌ " + context.operation().id() + " " + environment + " failed\n\n" + failure.getMessage() + "\n");
    }

    void succeeded(Manifest manifest, EnvironmentRollout.Outcome outcome) {
        StringBuilder md = new StringBuilder();
        md.append("## ✅ ").append(context.operation().id()).append(" ").append(environment).append("\n\n");
        md.append("URL: ").append(manifest.url()).append("  \nTook ").append(Durations.format(took())).append("\n\n");
        if (!outcome.preDeployTasks().isEmpty()) {
            md.append("| pre-deploy task | exit code | time |\n|---|---|---|\n");
            for (TaskResult task : outcome.preDeployTasks()) {
                md.append("| ").append(task.family()).append(" | ").append(task.exitCode()).append(" | ")
                        .append(Durations.format(task.duration())).append(" |\n");
            }
            md.append('\n');
        }
        if (!outcome.services().isEmpty()) {
            md.append("| service | image | revision | time |\n|---|---|---|---|\n");
            for (EnvironmentRollout.ServiceChange row : outcome.services()) {
                md.append("| ").append(row.service()).append(" | ").append(row.fromImages()).append(" → ").append(row.toImages())
                        .append(" | ").append(row.taskDefinitionArn().substring(row.taskDefinitionArn().lastIndexOf('/') + 1))
                        .append(" | ").append(Durations.format(row.took())).append(" |\n");
            }
        }
        context.summary().append(md.toString());
    }

    void failed(Manifest manifest, AdhocFailure failure) {
        context.summary().append("## ❌ " + context.operation().id() + " " + environment + " failed\n\n" + failure.getMessage() + "\n");
    }

    Duration took() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static String json(Context context, Map<String, String> value) {
        try {
            return context.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
