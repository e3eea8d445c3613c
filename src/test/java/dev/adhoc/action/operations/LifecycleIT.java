package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import dev.adhoc.action.testing.SharedStack;
import dev.adhoc.action.testing.TerraformFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * create → deploy → create again → destroy → destroy again, with the real terraform applying the
 * repository's examples and modules on the local AWS, and the database created and dropped by
 * the database-admin task.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {
    private static final String ENV = "life";
    /** The environment module's names: {@code <name prefix>-<environment>[-<role>]}. */
    private static final String NAME = "adhoc-" + ENV;
    @TempDir
    static Path work;
    private static LocalAws aws;
    private static TerraformFixture terraform;
    private static EcsClient ecs;
    private static SsmClient ssm;

    @BeforeAll
    static void applyShared() {
        SharedStack stack = SharedStack.get(); // shared with the other classes that run terraform
        aws = stack.aws();
        terraform = stack.terraform();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        ecs = EcsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        ssm = SsmClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        if (ecs != null) ecs.close();
        if (ssm != null) ssm.close();
    }

    private Program.Result run(String operation, Map<String, String> extra) {
        Map<String, String> inputs = new HashMap<>(Map.of(
                "operation", operation,
                "environment", ENV,
                "terraform-directory", terraform.adHocDirectory().toString(),
                "var-file", "local.tfvars",
                "backend-config", "local.backend.hcl",
                "database", "task",
                "health-check-timeout", "2s",
                "wait-timeout", "10m"));
        inputs.putAll(extra);
        return new Program(work, terraform.processEnvironment()).action(inputs);
    }

    private String image(String family) {
        return ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition().containerDefinitions().get(0).image();
    }

    private String serviceImage(String service) {
        String arn = ecs.describeServices(r -> r.cluster(NAME).services(service)).services().get(0).taskDefinition();
        return ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition().containerDefinitions().get(0).image();
    }

    @Test
    @Order(1)
    void missingTfvarsFailsBeforeAnythingRuns() {
        aws.clearCalls();
        Program.Result result = run("create", Map.of("var-file", "nosuch.tfvars"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output("failure-reason")).isEqualTo("tfvars-missing");
        assertThat(result.log()).contains("local.tfvars").contains("demo.tfvars");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    @Order(2)
    void createBuildsTheEnvironmentAndRunsItsDatabaseAndPreDeployTasks() {
        aws.clearCalls();
        Program.Result result = run("create", Map.of("backend-image-tag", "v1", "frontend-image-tag", "v1"));

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(result.output("url")).isEqualTo("https://life.adhoc.test");
        assertThat(result.output("cluster")).isEqualTo(NAME);
        assertThat(result.output("plan-summary")).contains("to add");
        assertThat(result.log()).contains("::group::terraform apply").contains("did not answer within");
        List<String> runTasks = aws.calls().stream().filter(c -> c.action().equals("RunTask"))
                .map(c -> c.body().path("taskDefinition").asText()).toList();
        assertThat(runTasks).hasSize(3);
        assertThat(runTasks.get(0)).contains("dbadmin");
        // The database step's log says what it did, never the script it ran or the role's verifier.
        assertThat(result.log()).contains("✓ database life is in place (owner life, connection limit 5)")
                .doesNotContain("SCRAM-SHA-256$", "psql -X", "CREATE ROLE");
        assertThat(runTasks.get(1)).contains("adhoc-life-migrate");
        assertThat(ssm.getParameter(r -> r.name("/adhoc/" + ENV)).parameter().value()).contains("\"cluster\":\"adhoc-life\"");
        assertThat(serviceImage("adhoc-life-web")).endsWith("/backend:v1");
    }

    @Test
    @Order(3)
    void createAgainKeepsTheImagesDeployRolledOut() {
        Program.Result deploy = run("deploy", Map.of("backend-image-tag", "v2"));
        assertThat(deploy.exitCode()).as(deploy.log()).isZero();
        assertThat(serviceImage("adhoc-life-web")).endsWith("/backend:v2");

        // plan passes what create would: the running tags and the environment's own priority.
        Program.Result plan = run("plan", Map.of());
        assertThat(plan.exitCode()).as(plan.log()).isZero();
        assertThat(plan.log()).contains("-var backend_image_tag=v2").contains("-var listener_rule_priority="
                + dev.adhoc.action.loadbalancer.ListenerPriorities.home("life.adhoc.test") * 10);
        // The task definitions track the family's latest revision, i.e. the one deploy registered:
        // with the running tags nothing is replaced (no rolling restart for nothing).
        assertThat(plan.output("plan-summary")).isNotBlank().doesNotContain("aws_ecs_task_definition");

        Program.Result update = run("create", Map.of());

        assertThat(update.exitCode()).as(update.log()).isZero();
        assertThat(update.log()).contains("backend_image_tag=v2");
        assertThat(serviceImage("adhoc-life-web")).endsWith("/backend:v2");
        assertThat(image("adhoc-life-migrate")).endsWith("/backend:v2");
        assertThat(serviceImage("adhoc-life-frontend")).endsWith("/frontend:v1");
    }

    @Test
    @Order(4)
    void anApplyWhileStoppedKeepsTheCountsStartRestores() {
        Program.Result stop = run("stop", Map.of());
        assertThat(stop.exitCode()).as(stop.log()).isZero();
        assertThat(ecs.describeServices(r -> r.cluster(NAME).services("adhoc-life-web")).services().get(0).desiredCount()).isZero();

        Program.Result update = run("create", Map.of());
        assertThat(update.exitCode()).as(update.log()).isZero();

        Program.Result start = run("start", Map.of());
        assertThat(start.exitCode()).as(start.log()).isZero();
        assertThat(ecs.describeServices(r -> r.cluster(NAME).services("adhoc-life-web")).services().get(0).desiredCount()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void destroyRemovesEverythingAndASecondDestroyIsANotice() {
        aws.clearCalls();
        Program.Result destroy = run("destroy", Map.of());

        assertThat(destroy.exitCode()).as(destroy.log()).isZero();
        assertThat(aws.calls().stream().filter(c -> c.action().equals("RunTask")).map(c -> c.body().path("overrides").toString()))
                .singleElement().asString().contains("DROP DATABASE");
        assertThat(aws.calls()).filteredOn(c -> c.action().equals("DeleteSecret"))
                .singleElement().satisfies(c -> assertThat(c.body().path("SecretId").asText()).endsWith("/" + ENV + "/database"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/adhoc/" + ENV)))
                .isInstanceOf(ParameterNotFoundException.class);
        assertThat(terraform.terraform("examples/ad-hoc", "workspace", "list")).doesNotContain(ENV);

        Program.Result again = run("destroy", Map.of());
        assertThat(again.exitCode()).as(again.log()).isZero();
        assertThat(again.log()).contains("::notice::Environment life has no terraform workspace");
    }
}
