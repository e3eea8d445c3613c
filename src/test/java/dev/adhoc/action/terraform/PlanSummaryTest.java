package dev.adhoc.action.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.terraform.PlanSummary.Action;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {
    private final ObjectMapper json = new ObjectMapper();

    private PlanSummary recorded(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/terraform/" + name)) {
            return PlanSummary.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
        }
    }

    @Test
    void createOnly() throws Exception {
        PlanSummary summary = recorded("plan-create.json");
        assertThat(summary.count(Action.CREATE)).isEqualTo(16);
        assertThat(summary.count(Action.UPDATE) + summary.count(Action.REPLACE) + summary.count(Action.DELETE)).isZero();
        assertThat(summary.line()).isEqualTo("Plan: 16 to add, 0 to change, 0 to destroy");
        assertThat(summary.markdown("Plan"))
                .contains("| `aws_ecs_service` | 5 |  |  |  |")
                .contains("| `aws_lb_listener_rule` | 2 |  |  |  |")
                .doesNotContain("⚠️")
                .doesNotContain("aws_region"); // a data source read changes nothing
    }

    @Test
    void update() throws Exception {
        PlanSummary summary = recorded("plan-update.json");
        assertThat(summary.count(Action.UPDATE)).isEqualTo(2);
        assertThat(summary.line()).isEqualTo("Plan: 0 to add, 2 to change, 0 to destroy");
        assertThat(summary.markdown("Plan")).contains("| `aws_ecs_cluster` |  | 1 |  |  |");
    }

    @Test
    void replacementsAreNamedFirstWhicheverOrderTerraformUses() throws Exception {
        PlanSummary summary = recorded("plan-replace.json");
        assertThat(summary.count(Action.REPLACE)).isEqualTo(2); // ["delete","create"] and ["create","delete"]
        assertThat(summary.count(Action.UPDATE)).isEqualTo(1);
        assertThat(summary.count(Action.CREATE)).isEqualTo(3);
        assertThat(summary.line()).isEqualTo("Plan: 5 to add, 1 to change, 2 to destroy; replaces "
                + "module.environment.aws_ecs_service.web, module.environment.aws_lb_target_group.web2");
        String markdown = summary.markdown("Plan for environment `alpha`");
        assertThat(markdown).startsWith("### Plan for environment `alpha`\n\n**Plan: 5 to add");
        assertThat(markdown).contains("⚠️ To be replaced (destroyed and created again):\n"
                + "- `module.environment.aws_ecs_service.web`\n- `module.environment.aws_lb_target_group.web2`\n");
        // The riskiest types lead the table.
        assertThat(markdown.indexOf("| `aws_ecs_service` | 1 |  | 1 |  |"))
                .isLessThan(markdown.indexOf("| `aws_ecs_task_definition` |  | 1 |  |  |"))
                .isLessThan(markdown.indexOf("| `aws_cloudwatch_log_group` | 1 |"));
        assertThat(summary.changes().get(0).action()).isEqualTo(Action.REPLACE);
    }

    @Test
    void deletionsAreListedByAddress() throws Exception {
        PlanSummary summary = recorded("plan-delete.json");
        assertThat(summary.count(Action.DELETE)).isEqualTo(16);
        assertThat(summary.line()).isEqualTo("Plan: 0 to add, 0 to change, 16 to destroy; destroys "
                + "module.environment.aws_cloudwatch_log_group.this[\"web\"], module.environment.aws_ecs_cluster.this, "
                + "module.environment.aws_ecs_service.beat and 13 more");
        assertThat(summary.changedOutputs()).containsExactly("manifest");
        assertThat(summary.markdown("Plan")).contains("⚠️ To be destroyed:\n- `module.environment.aws_cloudwatch_log_group.this[\"web\"]`\n")
                .contains("- `module.environment.aws_ssm_parameter.manifest`\n")
                .endsWith("\nOutputs that change: `manifest`.\n");
    }

    @Test
    void noChanges() throws Exception {
        PlanSummary summary = recorded("plan-no-op.json");
        assertThat(summary.hasChanges()).isFalse();
        assertThat(summary.line()).isEqualTo("No changes.");
        assertThat(summary.markdown("Plan")).isEqualTo("### Plan\n\nNo changes: the infrastructure matches the configuration.\n");
    }

    @Test
    void onlyOutputsChanging() {
        String showJson = "{\"resource_changes\":[{\"address\":\"terraform_data.a\",\"mode\":\"managed\",\"type\":\"terraform_data\","
                + "\"change\":{\"actions\":[\"no-op\"]}}],\"output_changes\":{\"manifest\":{\"actions\":[\"update\"]},"
                + "\"url\":{\"actions\":[\"no-op\"]}}}";
        PlanSummary summary = PlanSummary.parse(showJson, json);
        assertThat(summary.hasChanges()).isFalse();
        assertThat(summary.line()).isEqualTo("No resource changes; outputs change: manifest");
        assertThat(summary.markdown("Plan")).isEqualTo("### Plan\n\nNo resource changes. Outputs that change: `manifest`.\n");
    }

    @Test
    void notJsonIsReported() {
        assertThatThrownBy(() -> PlanSummary.parse("Error: oops", json))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.reason()).isEqualTo("terraform-failed"));
    }

    @Test
    void theTextFormSaysTheSameWithoutMarkdown() throws Exception {
        PlanSummary summary = recorded("plan-replace.json");
        String text = summary.text("Plan for environment alpha");
        assertThat(text).startsWith("Plan for environment alpha\n" + summary.line() + "\n")
                .contains("To be replaced (destroyed and created again):\n  - module.environment.aws_ecs_service.web\n")
                .containsPattern("\nresource type\\s+add\\s+change\\s+replace\\s+destroy\n")
                .containsPattern("\naws_ecs_service\\s+1\\s+1\n")
                .doesNotContain("`", "|", "**", "###");
        assertThat(recorded("plan-no-op.json").text("Plan")).isEqualTo("Plan\nNo changes: the infrastructure matches the configuration.\n");
    }
}
