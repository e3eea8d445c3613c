package dev.adhoc.action.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.testing.Prerequisites;
import dev.adhoc.action.terraform.PlanSummary.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real terraform CLI on a tiny root of builtin {@code terraform_data} resources (no
 * provider to download), with a local backend whose workspaces live in a temporary directory.
 */
class TerraformCliTest {
    static final String ROOT = """
            terraform {
              backend "local" {}
            }
            variable "environment" { type = string }
            variable "size" {
              type = number
              validation {
                condition     = var.size > 0
                error_message = "size must be positive."
              }
            }
            variable "backend_image_tag" {
              type    = string
              default = "latest"
            }
            resource "terraform_data" "app" { input = var.environment }
            resource "terraform_data" "size" { input = var.size }
            resource "terraform_data" "image" { triggers_replace = var.backend_image_tag }
            output "manifest" {
              value = jsonencode({ version = 1, environment = var.environment, image = var.backend_image_tag })
            }
            """;

    @TempDir
    Path root;
    @TempDir
    Path states;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JobLog log = new JobLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    private final ObjectMapper json = new ObjectMapper();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Terraform terraform(Duration timeout, Duration lockTimeout) {
        return new Terraform(Prerequisites.terraform(), root, System.getenv(), log, timeout, lockTimeout, false, Clock.systemUTC());
    }

    private Path backendConfig() throws Exception {
        // Proves -backend-config reaches init: the workspaces' states go to another directory.
        Path file = root.resolve("local.backend.hcl");
        Files.writeString(file, "workspace_dir = \"" + states + "\"\n");
        return file;
    }

    @Test
    void planApplyOutputDestroyAndDeleteAWorkspace() throws Exception {
        Files.writeString(root.resolve("main.tf"), ROOT);
        Files.writeString(root.resolve("alpha.tfvars"), "size = 2\n");
        Terraform terraform = terraform(Duration.ofMinutes(2), Duration.ofSeconds(5));
        terraform.init(Optional.of(backendConfig()));
        assertThat(terraform.workspaceExists("alpha")).isFalse();

        terraform.selectOrCreateWorkspace("alpha");
        terraform.selectOrCreateWorkspace("alpha"); // the second time it only selects
        assertThat(terraform.workspaces()).containsExactlyInAnyOrder("default", "alpha");
        assertThat(terraform.workspaceExists("alpha")).isTrue();

        Path varFile = VarFiles.resolve(root, Optional.empty(), EnvironmentName.of("alpha"));
        Path planFile = states.resolve("alpha.tfplan");
        assertThat(terraform.plan("alpha", varFile, Map.of("environment", "alpha"), planFile)).isTrue();
        PlanSummary created = PlanSummary.parse(terraform.showJson("alpha", planFile), json);
        assertThat(created.count(Action.CREATE)).isEqualTo(3);
        assertThat(created.line()).isEqualTo("Plan: 3 to add, 0 to change, 0 to destroy");

        terraform.apply("alpha", planFile);
        assertThat(states.resolve("alpha/terraform.tfstate")).exists();
        assertThat(json.readTree(terraform.output("alpha", "manifest")).asText())
                .isEqualTo("{\"environment\":\"alpha\",\"image\":\"latest\",\"version\":1}");

        // Nothing changed: terraform's exit code 0.
        assertThat(terraform.plan("alpha", varFile, Map.of("environment", "alpha"), planFile)).isFalse();
        assertThat(PlanSummary.parse(terraform.showJson("alpha", planFile), json).hasChanges()).isFalse();

        // A new image tag replaces one resource and changes nothing else.
        assertThat(terraform.plan("alpha", varFile, Map.of("environment", "alpha", "backend_image_tag", "v2"), planFile))
                .isTrue();
        PlanSummary replaced = PlanSummary.parse(terraform.showJson("alpha", planFile), json);
        assertThat(replaced.addresses(Action.REPLACE)).containsExactly("terraform_data.image");
        assertThat(replaced.count(Action.UPDATE) + replaced.count(Action.CREATE) + replaced.count(Action.DELETE)).isZero();

        // Deleting a workspace that still tracks resources is refused by terraform, never forced.
        assertThatThrownBy(() -> terraform.deleteWorkspace("alpha"))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage())
                        .startsWith("terraform workspace delete failed (exit 1) for environment 'alpha': Error: Workspace is not empty"));

        terraform.destroy("alpha", varFile, Map.of("environment", "alpha"));
        terraform.deleteWorkspace("alpha");
        assertThat(terraform.workspaces()).containsExactly("default");
        assertThat(Files.readString(root.resolve(".terraform/environment")).strip()).isEqualTo("default");

        String printed = printed();
        assertThat(printed).contains("::group::terraform init\n$ terraform init -input=false -no-color -backend-config=")
                .contains("::group::terraform plan (alpha)\n")
                .contains("Plan: 3 to add, 0 to change, 0 to destroy.")
                .contains("::group::terraform apply (alpha)\n")
                .contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.")
                .contains("::group::terraform destroy (alpha)\n")
                .contains("::group::terraform workspace select (default)\n")
                .contains("::group::terraform workspace delete (alpha)\n")
                .contains("-lock-timeout=5s")
                .doesNotContain("\"resource_changes\""); // show -json is data, not log
    }

    @Test
    void theWorkspaceFacadeRunsTheSameSteps() throws Exception {
        Files.writeString(root.resolve("main.tf"), ROOT);
        Files.writeString(root.resolve("beta.tfvars"), "size = 1\n");
        EnvironmentName beta = EnvironmentName.of("beta");
        try (TerraformWorkspace workspace = new TerraformWorkspace(terraform(Duration.ofMinutes(2), Duration.ofSeconds(5)), beta,
                VarFiles.resolve(root, Optional.empty(), beta), Optional.of(backendConfig()), json)) {
            workspace.prepare();
            SavedPlan plan = workspace.plan(Map.of(TerraformWorkspace.BACKEND_IMAGE_TAG, "v1"));
            assertThat(plan.changes()).isTrue();
            assertThat(plan.summary().count(Action.CREATE)).isEqualTo(3);
            workspace.apply(plan);
            assertThat(workspace.manifestOutput()).isEqualTo("{\"environment\":\"beta\",\"image\":\"v1\",\"version\":1}");
            assertThat(workspace.exists()).isTrue();

            workspace.destroy(Map.of());
            workspace.delete();
            assertThat(workspace.exists()).isFalse();
            assertThat(plan.file()).exists();
            workspace.close();
            assertThat(plan.file()).doesNotExist();
        }
    }

    @Test
    void aFailedStepNamesItselfAndTerraformsMessageReachesTheLog() throws Exception {
        Files.writeString(root.resolve("main.tf"), ROOT);
        Files.writeString(root.resolve("alpha.tfvars"), "size = -1\n");
        Terraform terraform = terraform(Duration.ofMinutes(2), Duration.ofSeconds(5));
        terraform.init(Optional.of(backendConfig()));
        terraform.selectOrCreateWorkspace("alpha");

        assertThatThrownBy(() -> terraform.plan("alpha", root.resolve("alpha.tfvars"),
                Map.of("environment", "alpha", "backend_image_tag", "release 2"), states.resolve("p.tfplan")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("terraform-failed");
                    assertThat(f.getMessage()).isEqualTo("terraform plan failed (exit 1) for environment 'alpha': "
                            + "Error: Invalid value for variable; see the 'terraform plan (alpha)' group above for terraform's message.");
                });
        assertThat(printed()).contains("size must be positive.").contains("(exit 1 after ")
                // The command line is logged as a shell reads it: an argument with a space is one word.
                .contains(" -var 'backend_image_tag=release 2' ");
    }

    @Test
    void aHeldStateLockFailsQuicklyAndIsNeverBroken() throws Exception {
        Files.writeString(root.resolve("main.tf"), """
                terraform {
                  backend "local" {}
                }
                variable "environment" { type = string }
                resource "terraform_data" "slow" {
                  input = var.environment
                  provisioner "local-exec" { command = "exec sleep 30" }
                }
                """);
        Files.writeString(root.resolve("alpha.tfvars"), "");
        Terraform terraform = terraform(Duration.ofMinutes(2), Duration.ofSeconds(1));
        terraform.init(Optional.of(backendConfig()));
        terraform.selectOrCreateWorkspace("alpha");

        // Another run: a terraform apply that holds the workspace's state lock while its provisioner sleeps.
        ProcessBuilder other = new ProcessBuilder(Prerequisites.terraform().toString(), "apply", "-auto-approve", "-input=false", "-no-color",
                "-var", "environment=alpha").directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(states.resolve("other.log").toFile());
        other.environment().put("TF_WORKSPACE", "alpha");
        Process holder = other.start();
        try {
            Path lockInfo = states.resolve("alpha/.terraform.tfstate.lock.info");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(lockInfo) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(lockInfo).exists();
            Map<?, ?> held = json.readValue(lockInfo.toFile(), Map.class);

            long started = System.nanoTime();
            assertThatThrownBy(() -> terraform.plan("alpha", root.resolve("alpha.tfvars"), Map.of("environment", "alpha"),
                    states.resolve("p.tfplan")))
                    .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo("state-locked");
                        assertThat(f.getMessage())
                                .startsWith("terraform plan could not start for environment 'alpha': the terraform state is locked by "
                                        + held.get("Who") + " (apply) since " + held.get("Created").toString().substring(0, 10))
                                .contains("lock ID " + held.get("ID"))
                                .contains("'terraform workspace select alpha' then 'terraform force-unlock " + held.get("ID") + "'")
                                .contains(" in " + root);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            assertThat(printed()).contains("Error acquiring the state lock").doesNotContain("force-unlock -force");

            // The lock is still held by the other run: nothing broke it.
            assertThat(holder.isAlive()).isTrue();
            assertThat(json.readValue(lockInfo.toFile(), Map.class)).isEqualTo(held);
        } finally {
            // Ctrl-C for the other run, so it releases its lock and stops its provisioner.
            java.util.List<ProcessHandle> children = holder.descendants().toList();
            new ProcessBuilder("kill", "-INT", Long.toString(holder.pid())).start().waitFor();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) holder.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aStepThatOutlivesTheTimeoutIsStopped() throws Exception {
        Files.writeString(root.resolve("main.tf"), """
                variable "environment" { type = string }
                resource "terraform_data" "slow" {
                  input = var.environment
                  provisioner "local-exec" { command = "exec sleep 60" }
                }
                """);
        Files.writeString(root.resolve("alpha.tfvars"), "");
        Terraform terraform = terraform(Duration.ofSeconds(3), Duration.ofSeconds(1));
        terraform.init(Optional.empty());
        terraform.selectOrCreateWorkspace("alpha");
        Path planFile = states.resolve("p.tfplan");
        terraform.plan("alpha", root.resolve("alpha.tfvars"), Map.of("environment", "alpha"), planFile);

        long started = System.nanoTime();
        assertThatThrownBy(() -> terraform.apply("alpha", planFile))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("terraform-timeout");
                    assertThat(f.getMessage()).startsWith("terraform apply did not finish within 3.0s for environment 'alpha'");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
        // Interrupted like Ctrl-C, terraform released its lock on the way out.
        assertThat(root.resolve("terraform.tfstate.d/alpha/.terraform.tfstate.lock.info")).doesNotExist();
    }

    @Test
    void terraformIsFoundOnThePathOfTheGivenEnvironment() {
        Path installed = Prerequisites.terraform();
        assertThat(Terraform.executableOnPath(Map.of("PATH", root + ":" + installed.getParent() + ":/usr/bin"))).isEqualTo(installed);
        assertThat(Terraform.executableOnPath(Map.of())).isEqualTo(Path.of("terraform"));
    }

    @Test
    void aMissingTerraformIsExplained() {
        Terraform missing = new Terraform(root.resolve("no-terraform"), root, Map.of(), log, Duration.ofSeconds(5),
                Duration.ofSeconds(1), false, Clock.systemUTC());
        assertThatThrownBy(() -> missing.init(Optional.empty()))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("terraform-missing");
                    assertThat(f.getMessage()).contains("Install terraform");
                });
    }

    @Test
    void lockTimeoutIsShortAndBounded() {
        assertThat(Terraform.lockTimeoutFor(Duration.ofMinutes(20))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Terraform.lockTimeoutFor(Duration.ofSeconds(90))).isEqualTo(Duration.ofMillis(22_500));
        assertThat(Terraform.lockTimeoutFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }
}
