package dev.adhoc.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.testing.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a person meets it: help, the version, and mistakes refused in one line before any AWS call. */
class CommandLineUsageTest {
    // A port nothing listens on: a run that got as far as AWS would fail there (exit 1), not with a usage error (exit 2).
    private static final Map<String, String> NO_AWS = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");

    @TempDir
    Path work;

    private Program program() {
        return new Program(work, NO_AWS);
    }

    @Test
    void helpListsTheVerbs() {
        for (String[] args : new String[][] {{"help"}, {"--help"}, {"-h"}}) {
            Program.Result help = program().cli(args);
            assertThat(help.exitCode()).isZero();
            for (Verb verb : Verb.values()) assertThat(help.log()).contains("  " + verb.id() + " ").contains(verb.summary());
        }
    }

    @Test
    void runBareAtATerminalItShowsTheVerbs() {
        Program.Result bare = program().cli();
        assertThat(bare.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bare.log()).isEqualTo(program().cli("help").log()).startsWith("adhoc: ");
        // With its inputs as variables it is still the Action's program, as the image runs it in other CIs.
        Program.Result variables = program().env("INPUT_OPERATION", "deplyo").cli();
        assertThat(variables.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(variables.log()).startsWith("Error: Unknown operation 'deplyo'");
    }

    @Test
    void eachVerbsHelpListsItsFlagsAndDefaultsWhicheverWayItIsAsked() {
        for (Verb verb : Verb.values()) {
            String expected = program().cli("help", verb.id()).log();
            assertThat(program().cli(verb.id(), "--help").log()).isEqualTo(expected);
            assertThat(program().cli(verb.id(), "-h").log()).isEqualTo(expected);
            assertThat(expected).startsWith("Usage: adhoc " + verb.id());
            for (Input input : verb.inputs()) {
                assertThat(expected).as(verb.id()).contains("  --" + input.inputName() + " ");
                input.defaultValue().filter(d -> !d.startsWith("${{")).ifPresent(d -> assertThat(expected.replaceAll("\\n +", " "))
                        .as(verb.id() + " --" + input.inputName()).contains(input.description() + " Default: " + d + "."));
            }
        }
        assertThat(program().cli("help", "deploy").log()).contains("--backend-image-tag <value>", "--wait-timeout <value>", "Default: 20m.");
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        Matcher version = Pattern.compile("<artifactId>adhoc-action</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        Program.Result result = program().cli("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.log()).isEqualTo("adhoc-action " + version.group(1) + "\n");
        assertThat(Main.version()).isEqualTo(version.group(1));
    }

    @Test
    void aMistypedVerbOrFlagIsOneLineNamingTheClosestAndExitCode2() {
        Program.Result verb = program().cli("deplyo", "alpha", "--backend-image-tag", "v2");
        assertThat(verb.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(verb.log().lines()).singleElement().asString()
                .startsWith("Error: Unknown operation 'deplyo'; did you mean 'deploy'?");

        Program.Result flag = program().cli("deploy", "alpha", "--enviroment", "beta");
        assertThat(flag.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(flag.log()).isEqualTo("Error: Unknown flag --enviroment; did you mean --environment? 'adhoc deploy --help' lists the flags.\n");

        Program.Result help = program().cli("help", "destory");
        assertThat(help.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(help.log()).startsWith("Error: Unknown operation 'destory'; did you mean 'destroy'?");
    }

    @Test
    void theActionNamesTheClosestOperationToo() {
        Program.Result result = program().action(Map.of("operation", "deplyo", "environment", "alpha"));
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.log()).startsWith("::error::Unknown operation 'deplyo'; did you mean 'deploy'?");
        assertThat(result.output("failure-reason")).isEqualTo("invalid-input");
    }
}
