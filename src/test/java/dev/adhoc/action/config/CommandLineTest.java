package dev.adhoc.action.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static CommandLine parse(String... args) {
        return CommandLine.parse(args, Map.of());
    }

    @Test
    void takesTheSameNamesAsTheActionInputs() {
        CommandLine cli = parse("deploy", "--environment", "alpha", "--backend-image-tag=v2");
        assertThat(cli.kind()).isEqualTo(CommandLine.Kind.RUN);
        assertThat(cli.inputs().get(Input.OPERATION)).contains("deploy");
        assertThat(cli.inputs().get(Input.ENVIRONMENT)).contains("alpha");
        assertThat(cli.inputs().get(Input.BACKEND_IMAGE_TAG)).contains("v2");
        assertThat(cli.inputs().get(Input.WAIT_TIMEOUT)).contains("20m");
    }

    @Test
    void acceptsTheEnvironmentAsSecondWordAndBareBooleanFlags() {
        CommandLine cli = parse("cleanup", "--dry-run", "--older-than", "7d");
        assertThat(cli.inputs().flag(Input.DRY_RUN)).isTrue();
        assertThat(parse("cleanup", "--dry-run", "false").inputs().flag(Input.DRY_RUN)).isFalse();
        cli = parse("run", "alpha", "--command", "python manage.py check");
        assertThat(cli.inputs().get(Input.ENVIRONMENT)).contains("alpha");
        assertThat(cli.inputs().get(Input.COMMAND)).contains("python manage.py check");
        // A bare boolean flag does not swallow the environment after it.
        cli = parse("create", "--github-deployment", "alpha");
        assertThat(cli.inputs().get(Input.GITHUB_DEPLOYMENT)).contains("true");
        assertThat(cli.inputs().get(Input.ENVIRONMENT)).contains("alpha");
    }

    @Test
    void secretsMayComeFromInputVariablesSoTheyStayOffTheCommandLine() {
        CommandLine cli = CommandLine.parse(new String[] {"create", "alpha"}, Map.of("INPUT_SSH-PRIVATE-KEY", "KEY"));
        assertThat(cli.inputs().get(Input.SSH_PRIVATE_KEY)).contains("KEY");
    }

    @Test
    void anUnknownFlagNamesTheClosestOne() {
        assertThatThrownBy(() -> parse("deploy", "--enviroment", "x"))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.reason()).isEqualTo("invalid-input"))
                .hasMessage("Unknown flag --enviroment; did you mean --environment? 'adhoc deploy --help' lists the flags.");
        assertThatThrownBy(() -> parse("deploy", "alpha", "--backend-image", "v2"))
                .hasMessageStartingWith("Unknown flag --backend-image; did you mean --backend-image-tag?");
        assertThatThrownBy(() -> parse("cleanup", "--olderthan=7d")).hasMessageStartingWith("Unknown flag --olderthan; did you mean --older-than?");
        assertThatThrownBy(() -> parse("list", "--colour")).hasMessage("Unknown flag --colour. 'adhoc list --help' lists the flags.");
    }

    @Test
    void anUnknownVerbNamesTheClosestOne() {
        assertThatThrownBy(() -> parse("deplyo", "alpha"))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.reason()).isEqualTo("invalid-input"))
                .hasMessageStartingWith("Unknown operation 'deplyo'; did you mean 'deploy'? Operations: plan, create, deploy, run,");
        assertThatThrownBy(() -> parse("help", "destory")).hasMessageStartingWith("Unknown operation 'destory'; did you mean 'destroy'?");
        assertThatThrownBy(() -> parse("frobnicate")).hasMessageStartingWith("Unknown operation 'frobnicate'. Operations: ");
        assertThatThrownBy(() -> parse("run", "alpha", "python", "manage.py")).hasMessageStartingWith("Unexpected argument 'python'");
    }

    @Test
    void helpComesThreeWaysAndWinsOverOtherMistakes() {
        for (String[] args : new String[][] {{"help", "deploy"}, {"deploy", "--help"}, {"deploy", "alpha", "-h"},
                {"deploy", "--enviroment", "x", "--help"}}) {
            CommandLine cli = parse(args);
            assertThat(cli.kind()).as(String.join(" ", args)).isEqualTo(CommandLine.Kind.HELP);
            assertThat(cli.helpTopic()).contains(Verb.DEPLOY);
        }
        assertThat(parse("help").helpTopic()).isEmpty();
        assertThat(parse("--help").helpTopic()).isEmpty();
        assertThat(parse("run", "alpha", "--command", "help").kind()).isEqualTo(CommandLine.Kind.RUN);
    }

    @Test
    void version() {
        assertThat(parse("--version").kind()).isEqualTo(CommandLine.Kind.VERSION);
        assertThat(parse("-V").kind()).isEqualTo(CommandLine.Kind.VERSION);
        assertThat(parse("version").kind()).isEqualTo(CommandLine.Kind.VERSION);
    }

    @Test
    void helpListsEveryVerbInOneLine() {
        String help = new CommandLine(CommandLine.Kind.HELP, Inputs.of(Map.of()), Optional.empty()).usage();
        for (Verb verb : Verb.values()) {
            assertThat(help).containsPattern("(?m)^  " + verb.id() + " +" + java.util.regex.Pattern.quote(verb.summary()) + "$");
        }
        assertThat(help).contains("adhoc <verb> --help");
    }

    @Test
    void aVerbsHelpListsItsFlagsWithDefaultsFromTheInputDefinitions() {
        for (Verb verb : Verb.values()) {
            String help = new CommandLine(CommandLine.Kind.HELP, Inputs.of(Map.of()), Optional.of(verb)).usage();
            assertThat(help).as(verb.id()).startsWith("Usage: adhoc " + verb.id()).contains("\n\n" + verb.summary() + "\n\n");
            assertThat(verb.inputs()).as(verb.id()).isNotEmpty();
            String flat = help.replaceAll("\\n +", " ");
            for (Input input : verb.inputs()) {
                assertThat(help).as(verb.id()).containsPattern("(?m)^  --" + input.inputName() + " ");
                String description = input.description() + input.defaultValue().filter(d -> !d.startsWith("${{"))
                        .map(d -> " Default: " + d + ".").orElse("");
                assertThat(flat).as(verb.id()).contains(description);
            }
            assertThat(help.lines()).as(verb.id()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        }
        String deploy = new CommandLine(CommandLine.Kind.HELP, Inputs.of(Map.of()), Optional.of(Verb.DEPLOY)).usage();
        assertThat(deploy).contains("Usage: adhoc deploy <environment>").contains("--wait-timeout <value>").contains("Default: 20m.")
                .doesNotContain("--command", "--older-than", "--operation");
        String cleanup = new CommandLine(CommandLine.Kind.HELP, Inputs.of(Map.of()), Optional.of(Verb.CLEANUP)).usage();
        assertThat(cleanup).startsWith("Usage: adhoc cleanup [--flag value]...\n").contains("--dry-run [true|false]").contains("Default: true.");
    }

    @Test
    void actionModeReadsInputVariablesWithHyphensKept() {
        Inputs inputs = Inputs.fromProcessEnvironment(Map.of("INPUT_BACKEND-IMAGE-TAG", "v3", "INPUT_ENVIRONMENT", "  ", "INPUT_OPERATION", "deploy"));
        assertThat(inputs.get(Input.BACKEND_IMAGE_TAG)).contains("v3");
        assertThat(inputs.given(Input.ENVIRONMENT)).isEmpty();
    }
}
