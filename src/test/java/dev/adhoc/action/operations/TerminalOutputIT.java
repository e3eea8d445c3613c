package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.testing.LocalEnvironmentTest;
import dev.adhoc.action.testing.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a terminal (the CLI, or any CI but GitHub Actions) the run's summary is plain text: tables
 * aligned, the timeline drawn as bars, and no Markdown or Mermaid source anywhere in the output.
 */
class TerminalOutputIT extends LocalEnvironmentTest {
    private static final List<String> MARKUP = List.of("```", "gantt", "mermaid", "|---", "\n| ", "**", "## ", "<details>", "::error::",
            "::group::", "::notice::");

    private static void assertPlainText(Program.Result result) {
        assertThat(MARKUP).allSatisfy(markup -> assertThat(result.log()).as(result.log()).doesNotContain(markup));
    }

    @Test
    void deployRunStopStartAndListPrintText() {
        String env = newEnvironment("term");

        Program.Result deploy = program().cli("deploy", env, "--backend-image-tag", "v2");
        assertThat(deploy.exitCode()).as(deploy.log()).isZero();
        assertPlainText(deploy);
        assertThat(deploy.log()).contains("✅ deploy " + env + ": Ready\nURL:  https://" + env + ".dev.example.com\n")
                .containsPattern("\nservice\\s+old image\\s+new image\\s+task definition\\s+took\n")
                .containsPattern("\n" + env + "-web\\s+\\S+:v1\\s+\\S+:v2\\s+" + env + "-web:2\\s")
                .contains("\nWhere the time went\n")
                .containsPattern("\nmigrations\\s+\\+0\\.0s\\s+\\S+\\s+\\|█+ *\\|\n")
                .containsPattern("\nrollout\\s+\\+\\S+\\s+\\S+\\s+\\| *█+ *\\|\n");

        Program.Result run = program().cli("run", env, "--command", "python manage.py check");
        assertThat(run.exitCode()).as(run.log()).isZero();
        assertPlainText(run);
        assertThat(run.log()).containsPattern("✅ run " + env + "\ncommand\\s+task\\s+exit code\\s+time\n-+")
                .containsPattern("\npython manage.py check\\s+\\S+\\s+0\\s+");

        Program.Result stop = program().cli("stop", env);
        assertThat(stop.exitCode()).as(stop.log()).isZero();
        assertPlainText(stop);
        assertThat(stop.log()).contains("⏸ Stopped " + env + "\nTook ").containsPattern("\n" + env + "-web\\s+1\\s+0\n");

        Program.Result start = program().cli("start", env);
        assertThat(start.exitCode()).as(start.log()).isZero();
        assertPlainText(start);
        assertThat(start.log()).contains("▶ Started " + env + "\nURL: https://" + env + ".dev.example.com\n");

        Program.Result list = program().cli("list");
        assertThat(list.exitCode()).as(list.log()).isZero();
        assertPlainText(list);
    }

    @Test
    void aFailedDeploySaysWhyInText() {
        String env = newEnvironment("term");
        aws.behaviour("{\"tasks\": {\"" + env + "-migrate\": {\"exitCode\": 1, \"logLines\": [\"django.db.utils.OperationalError: boom\"]}}}");

        Program.Result result = program().cli("deploy", env, "--backend-image-tag", "v2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertPlainText(result);
        assertThat(result.log()).contains("\nError: Pre-deploy task " + env + "-migrate failed")
                .contains("❌ deploy " + env + ": Failed\n").contains("\nWhy it failed\nStep: ");
    }
}
