package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import dev.adhoc.action.loadbalancer.ListenerPriorities;
import dev.adhoc.action.testing.EnvironmentFixture;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan operation through the program's entrypoint, with the real terraform CLI on a tiny root
 * and the shared stack's manifest and load balancer on the local AWS.
 */
class PlanTest {
    private static final String PREFIX = "/plan" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private static LocalAws aws;

    @BeforeAll
    static void sharedStack() {
        aws = LocalAws.shared();
        try (EnvironmentFixture fixture = new EnvironmentFixture(aws)) {
            fixture.sharedStack(PREFIX);
        }
    }

    @TempDir
    Path repository;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, String> processEnvironment = new HashMap<>(System.getenv());
    private Path terraformDirectory;

    @BeforeEach
    void setUp() throws Exception {
        terraformDirectory = Files.createDirectories(repository.resolve("terraform/ad-hoc"));
        Files.writeString(terraformDirectory.resolve("main.tf"), """
                variable "environment" { type = string }
                variable "backend_image_tag" {
                  type    = string
                  default = "latest"
                }
                variable "frontend_image_tag" {
                  type    = string
                  default = "latest"
                }
                variable "web_count" { type = number }
                variable "listener_rule_priority" { type = number }
                resource "terraform_data" "web" { input = "${var.environment}:${var.backend_image_tag}:${var.web_count}" }
                resource "terraform_data" "frontend" { input = "${var.environment}:${var.frontend_image_tag}" }
                resource "terraform_data" "redis" { input = var.environment }
                output "manifest" { value = jsonencode({ version = 1, environment = var.environment }) }
                """);
        Files.writeString(terraformDirectory.resolve("alpha.tfvars"), "web_count = 2\n");
        Files.writeString(terraformDirectory.resolve("beta.tfvars"), "web_count = 1\n");
        processEnvironment.keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("GITHUB_"));
        processEnvironment.putAll(aws.processEnvironment());
        processEnvironment.put("INPUT_MANIFEST-PREFIX", PREFIX);
        processEnvironment.put("GITHUB_ACTIONS", "true");
        processEnvironment.put("GITHUB_OUTPUT", repository.resolve("github-output").toString());
        processEnvironment.put("GITHUB_STEP_SUMMARY", repository.resolve("step-summary.md").toString());
    }

    private int run(String... args) {
        return new Main(processEnvironment, new PrintStream(bytes, true, StandardCharsets.UTF_8), repository, Clock.systemUTC()).run(args);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plansTheEnvironmentAndSummarisesTheChanges() throws Exception {
        processEnvironment.put("INPUT_OPERATION", "plan");
        processEnvironment.put("INPUT_ENVIRONMENT", "alpha");
        processEnvironment.put("INPUT_BACKEND-IMAGE-TAG", "v7");
        processEnvironment.put("INPUT_WAIT-TIMEOUT", "2m");

        assertThat(run()).isZero();

        String log = printed();
        assertThat(log).contains("::group::terraform init\n")
                .contains("::group::terraform workspace select (alpha)\n")
                .contains("::group::terraform plan (alpha)\n")
                .contains("-var-file=" + terraformDirectory.resolve("alpha.tfvars"))
                .contains("-var backend_image_tag=v7 -var environment=alpha -var listener_rule_priority="
                        + ListenerPriorities.home("alpha.dev.example.com") * 10 + " -out=")
                .doesNotContain("frontend_image_tag=")
                .contains("Plan: 3 to add, 0 to change, 0 to destroy.")
                .contains("::notice::Environment 'alpha': Plan: 3 to add, 0 to change, 0 to destroy")
                .doesNotContain("::error::");
        String summary = Files.readString(repository.resolve("step-summary.md"));
        assertThat(summary).startsWith("### Plan for environment `alpha`\n\n**Plan: 3 to add, 0 to change, 0 to destroy**")
                .contains("| `terraform_data` | 3 |  |  |  |");
        String outputs = Files.readString(repository.resolve("github-output"));
        assertThat(outputs).contains("environment<<").contains("\nalpha\n")
                .contains("plan-summary<<").contains("### Plan for environment `alpha`");
        assertThat(terraformDirectory.resolve("terraform.tfstate.d/alpha")).isDirectory();
        // The saved plan lived in a temporary directory and is gone.
        assertThat(log).containsPattern("-out=\\S+alpha\\.tfplan");
        String planFile = log.replaceFirst("(?s).*-out=(\\S+alpha\\.tfplan).*", "$1");
        assertThat(Path.of(planFile)).doesNotExist();
    }

    @Test
    void aNewEnvironmentIsPlannedOnTheLoadBalancerWithTheMostRoom() throws Exception {
        String prefix = PREFIX + "-lb";
        try (EnvironmentFixture fixture = new EnvironmentFixture(aws);
                ElasticLoadBalancingV2Client elb = aws.client(ElasticLoadBalancingV2Client.builder())) {
            EnvironmentFixture.SharedStack first = fixture.sharedStack(prefix);
            EnvironmentFixture.SharedStack second = fixture.sharedStack(prefix);
            elb.createRule(r -> r.listenerArn(first.listenerArn()).priority(10)
                    .actions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("200")))
                    .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("other.dev.example.com"))));
            String manifest = """
                    {"name": "adhoc", "region": "us-east-1", "domain": "dev.example.com", "listenerArn": "%1$s",
                     "loadBalancers": [{"name": "adhoc", "arn": "%2$s", "listenerArn": "%1$s", "dnsName": "a", "zoneId": "Z"},
                                       {"name": "adhoc-2", "arn": "%4$s", "listenerArn": "%3$s", "dnsName": "b", "zoneId": "Z"}],
                     "database": {"host": "db.internal", "port": 5432, "username": "adhoc", "masterSecretArn": ""}}
                    """.formatted(first.listenerArn(), first.loadBalancerArn(), second.listenerArn(), second.loadBalancerArn());
            fixture.ssm().putParameter(r -> r.name(prefix + "/_shared").type("String").value(manifest).overwrite(true));
        }
        Files.writeString(terraformDirectory.resolve("load_balancer.tf"), """
                variable "load_balancer" {
                  type    = string
                  default = null
                }
                """);
        processEnvironment.put("INPUT_MANIFEST-PREFIX", prefix);

        assertThat(run("plan", "alpha")).isZero();

        assertThat(printed()).contains("-var listener_rule_priority=" + ListenerPriorities.home("alpha.dev.example.com") * 10 + " -var load_balancer=adhoc-2 -out=");
    }

    @Test
    void backendConfigIsPassedToInitRelativeToTheTerraformDirectory() throws Exception {
        Path states = Files.createDirectories(repository.resolve("states"));
        Files.writeString(terraformDirectory.resolve("backend.tf"), "terraform {\n  backend \"local\" {}\n}\n");
        Files.writeString(terraformDirectory.resolve("ci.backend.hcl"), "workspace_dir = \"" + states + "\"\n");

        assertThat(run("plan", "beta", "--backend-config", "ci.backend.hcl")).isZero();

        assertThat(printed()).contains("-backend-config=" + terraformDirectory.resolve("ci.backend.hcl"));
        assertThat(states.resolve("beta")).isDirectory();
        assertThat(terraformDirectory.resolve("terraform.tfstate.d")).doesNotExist();
    }

    @Test
    void aHeldStateLockFailsWithStateLockedAndSaysHowToRelease() throws Exception {
        Files.writeString(terraformDirectory.resolve("slow.tf"), """
                resource "terraform_data" "slow" {
                  input = var.environment
                  provisioner "local-exec" { command = "exec sleep 30" }
                }
                """);
        terraform("init", "-input=false", "-no-color");
        terraform("workspace", "new", "-no-color", "alpha");
        ProcessBuilder other = new ProcessBuilder(Prerequisites.terraform().toString(), "apply", "-auto-approve", "-input=false", "-no-color",
                "-var-file=alpha.tfvars", "-var", "environment=alpha", "-var", "listener_rule_priority=10").directory(terraformDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(repository.resolve("other.log").toFile());
        other.environment().put("TF_WORKSPACE", "alpha");
        Process holder = other.start();
        try {
            Path lockInfo = terraformDirectory.resolve("terraform.tfstate.d/alpha/.terraform.tfstate.lock.info");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Files.exists(lockInfo) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(lockInfo).exists();

            assertThat(run("plan", "alpha", "--wait-timeout", "4s")).isEqualTo(Main.EXIT_FAILURE);

            assertThat(printed()).contains("-lock-timeout=1s")
                    .contains("::error::terraform plan could not start for environment 'alpha': the terraform state is locked by ")
                    .contains("'terraform workspace select alpha' then 'terraform force-unlock ");
            assertThat(Files.readString(repository.resolve("github-output"))).contains("\nstate-locked\n");
            assertThat(lockInfo).exists();
            assertThat(holder.isAlive()).isTrue();
        } finally {
            // Ctrl-C for the other run, so it releases its lock and stops its provisioner.
            java.util.List<ProcessHandle> children = holder.descendants().toList();
            new ProcessBuilder("kill", "-INT", Long.toString(holder.pid())).start().waitFor();
            if (!holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) holder.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void terraform(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(Prerequisites.terraform().toString()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).directory(terraformDirectory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void aMissingTfvarsFileFailsBeforeTerraformRunsAndNamesTheFilesThatExist() throws Exception {
        assertThat(run("plan", "--environment", "gamma")).isEqualTo(Main.EXIT_FAILURE);

        assertThat(printed()).contains("::error::Variables file " + terraformDirectory.resolve("gamma.tfvars")
                        + " does not exist. Files there: alpha.tfvars, beta.tfvars.")
                .doesNotContain("terraform init");
        assertThat(Files.readString(repository.resolve("github-output"))).contains("failure-reason<<").contains("\ntfvars-missing\n");
        assertThat(terraformDirectory.resolve(".terraform")).doesNotExist();
    }

    @Test
    void aBadImageTagIsRefusedBeforeTerraformRuns() {
        assertThat(run("plan", "alpha", "--frontend-image-tag", "-bad")).isEqualTo(Main.EXIT_USAGE);
        assertThat(printed()).contains("::error::Image tag '-bad' is not valid").doesNotContain("terraform init");
    }

    @Test
    void aMissingTerraformDirectoryIsNamed() {
        assertThat(run("plan", "alpha", "--terraform-directory", "infra/none")).isEqualTo(Main.EXIT_FAILURE);
        assertThat(printed()).contains("::error::The terraform directory " + repository.resolve("infra/none") + " does not exist.");
    }
}
