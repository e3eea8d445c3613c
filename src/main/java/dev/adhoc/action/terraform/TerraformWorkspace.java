package dev.adhoc.action.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.model.ImageTag;
import dev.adhoc.action.runtime.JobLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One environment's terraform workspace: the API {@code plan}, {@code create} and
 * {@code destroy} use. Typical use:
 * <pre>{@code
 * try (TerraformWorkspace workspace = TerraformWorkspace.open(options, workingDirectory, processEnvironment, log, waitTimeout, name, json, clock)) {
 *     workspace.prepare();                                   // init, select or create workspace <env>
 *     SavedPlan plan = workspace.plan(Map.of(TerraformWorkspace.LISTENER_RULE_PRIORITY, "20"));
 *     workspace.apply(plan);                                 // exactly that plan
 *     String manifest = workspace.manifestOutput();
 * }
 * // destroy: workspace.init(); if (workspace.exists()) { workspace.selectOrCreate(); workspace.destroy(vars); workspace.delete(); }
 * }</pre>
 * Every call passes {@code -var-file=<env>.tfvars} and {@code -var environment=<env>}; callers
 * add the other variables. Construction checks the terraform directory and the variables file,
 * so a missing {@code <env>.tfvars} fails before terraform or AWS is touched.
 */
public final class TerraformWorkspace implements AutoCloseable {
    /** The environment's name; always passed. */
    public static final String ENVIRONMENT = "environment";
    public static final String BACKEND_IMAGE_TAG = "backend_image_tag";
    public static final String FRONTEND_IMAGE_TAG = "frontend_image_tag";
    /** Base priority of the environment's listener rules, chosen by {@code loadbalancer.ListenerPriorities}. */
    public static final String LISTENER_RULE_PRIORITY = "listener_rule_priority";
    /** The name of the shared stack's load balancer the environment is placed on, chosen by {@code loadbalancer.LoadBalancerPlacement}. */
    public static final String LOAD_BALANCER = "load_balancer";
    /** The terraform output holding the environment manifest (a JSON string). */
    public static final String MANIFEST_OUTPUT = "manifest";

    private final Terraform terraform;
    private final EnvironmentName environment;
    private final Path varFile;
    private final Optional<Path> backendConfig;
    private final ObjectMapper json;
    private Path plans;

    public TerraformWorkspace(Terraform terraform, EnvironmentName environment, Path varFile, Optional<Path> backendConfig,
            ObjectMapper json) {
        this.terraform = terraform;
        this.environment = environment;
        this.varFile = varFile;
        this.backendConfig = backendConfig;
        this.json = json;
    }

    /**
     * From the terraform options: terraform-directory (relative to the working directory), var-file and
     * backend-config (relative to terraform-directory), the terraform on the process PATH, each
     * step bounded by the wait-timeout.
     * Fails with {@code tfvars-missing} / {@code terraform-directory-missing} before running anything.
     */
    public static TerraformWorkspace open(TerraformOptions options, Path workingDirectory, Map<String, String> processEnvironment,
            JobLog log, Duration waitTimeout, EnvironmentName environment, ObjectMapper json, Clock clock) {
        Path directory = workingDirectory.resolve(options.directory()).normalize();
        Path varFile = VarFiles.resolve(directory, options.varFile(), environment);
        // Relative to terraform-directory, as in a terraform command run there (like var-file).
        Optional<Path> backendConfig = options.backendConfig().map(directory::resolve);
        backendConfig.ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw AdhocFailure.invalidInput("Input 'backend-config' names " + file
                        + ", which does not exist (the path is relative to terraform-directory).");
            }
        });
        Terraform terraform = new Terraform(Terraform.executableOnPath(processEnvironment), directory, processEnvironment, log,
                waitTimeout, Terraform.lockTimeoutFor(waitTimeout), System.console() != null, clock);
        return new TerraformWorkspace(terraform, environment, varFile, backendConfig, json);
    }

    /** The image-tag variables for the tags given, backend first. */
    public static Map<String, String> imageTagVariables(Optional<ImageTag> backend, Optional<ImageTag> frontend) {
        Map<String, String> variables = new LinkedHashMap<>();
        backend.ifPresent(t -> variables.put(BACKEND_IMAGE_TAG, t.value()));
        frontend.ifPresent(t -> variables.put(FRONTEND_IMAGE_TAG, t.value()));
        return variables;
    }

    /** {@code terraform init} with the backend-config file, if any. */
    public void init() {
        terraform.init(backendConfig);
    }

    /** Whether the environment's workspace exists (after {@link #init()}). */
    public boolean exists() {
        return terraform.workspaceExists(environment.value());
    }

    public void selectOrCreate() {
        terraform.selectOrCreateWorkspace(environment.value());
    }

    /** {@link #init()}, then select or create the workspace {@code <env>}. */
    public void prepare() {
        init();
        selectOrCreate();
    }

    /** Plans the changes with the given variables (plus {@code environment}) to a saved plan. */
    public SavedPlan plan(Map<String, String> variables) {
        Path file = planDirectory().resolve(environment + ".tfplan");
        boolean changes = terraform.plan(environment.value(), varFile, with(variables), file);
        PlanSummary summary = PlanSummary.parse(terraform.showJson(environment.value(), file), json);
        return new SavedPlan(file, changes, summary);
    }

    /** Applies exactly the saved plan. */
    public void apply(SavedPlan plan) {
        terraform.apply(environment.value(), plan.file());
    }

    /** {@code terraform destroy -auto-approve} with the same variables as create. */
    public void destroy(Map<String, String> variables) {
        terraform.destroy(environment.value(), varFile, with(variables));
    }

    /** Deletes the (empty) workspace; terraform refuses while it still tracks resources. */
    public void delete() {
        terraform.deleteWorkspace(environment.value());
    }

    /** A terraform output's value as JSON. */
    public JsonNode output(String name) {
        String text = terraform.output(environment.value(), name);
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AdhocFailure(FailureReason.TERRAFORM_FAILED, "terraform output " + name + " for environment '" + environment
                    + "' is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The environment manifest document: the {@code manifest} output (a JSON string) as JSON text. */
    public String manifestOutput() {
        JsonNode value = output(MANIFEST_OUTPUT);
        if (value.isTextual()) return value.asText();
        if (value.isObject()) return value.toString();
        throw new AdhocFailure(FailureReason.INVALID_MANIFEST, "terraform output 'manifest' of environment '" + environment
                + "' is " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + ", not a JSON document. The environment module publishes it with jsonencode(...).");
    }

    private Map<String, String> with(Map<String, String> variables) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put(ENVIRONMENT, environment.value());
        return all;
    }

    // Plan files can hold secret values, so they live in a directory only this user can read.
    private Path planDirectory() {
        if (plans == null) {
            try {
                plans = Files.createTempDirectory("adhoc-plan-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                try {
                    plans = Files.createTempDirectory("adhoc-plan-");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return plans;
    }

    /** Deletes the saved plans. */
    @Override
    public void close() {
        if (plans == null) return;
        try (Stream<Path> files = Files.walk(plans)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
        plans = null;
    }
}
