package dev.adhoc.action.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void takesTheSameNamesAsTheActionInputs() {
        CommandLine cli = CommandLine.parse(new String[] {"deploy", "--environment", "alpha", "--backend-image-tag=v2"}, Map.of());
        assertThat(cli.kind()).isEqualTo(CommandLine.Kind.RUN);
        assertThat(cli.inputs().get(Input.OPERATION)).contains("deploy");
        assertThat(cli.inputs().get(Input.ENVIRONMENT)).contains("alpha");
        assertThat(cli.inputs().get(Input.BACKEND_IMAGE_TAG)).contains("v2");
        assertThat(cli.inputs().get(Input.WAIT_TIMEOUT)).contains("20m");
    }

    @Test
    void acceptsTheEnvironmentAsSecondWordAndBareBooleanFlags() {
        CommandLine cli = CommandLine.parse(new String[] {"cleanup", "--dry-run", "--older-than", "7d"}, Map.of());
        assertThat(cli.inputs().flag(Input.DRY_RUN)).isTrue();
        cli = CommandLine.parse(new String[] {"run", "alpha", "--command", "python manage.py check"}, Map.of());
        assertThat(cli.inputs().get(Input.ENVIRONMENT)).contains("alpha");
        assertThat(cli.inputs().get(Input.COMMAND)).contains("python manage.py check");
    }

    @Test
    void secretsMayComeFromInputVariablesSoTheyStayOffTheCommandLine() {
        CommandLine cli = CommandLine.parse(new String[] {"create", "alpha"}, Map.of("INPUT_SSH-PRIVATE-KEY", "KEY"));
        assertThat(cli.inputs().get(Input.SSH_PRIVATE_KEY)).contains("KEY");
    }

    @Test
    void refusesUnknownFlags() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"deploy", "--enviroment", "x"}, Map.of()))
                .isInstanceOf(AdhocFailure.class).hasMessageContaining("--enviroment");
    }

    @Test
    void helpAndVersion() {
        assertThat(CommandLine.parse(new String[] {"--help"}, Map.of()).kind()).isEqualTo(CommandLine.Kind.HELP);
        assertThat(CommandLine.parse(new String[] {"--version"}, Map.of()).kind()).isEqualTo(CommandLine.Kind.VERSION);
        assertThat(CommandLine.usage()).contains("--backend-image-tag").contains("--wait-timeout");
    }

    @Test
    void actionModeReadsInputVariablesWithHyphensKept() {
        Inputs inputs = Inputs.fromEnvironment(Map.of("INPUT_BACKEND-IMAGE-TAG", "v3", "INPUT_ENVIRONMENT", "  ", "INPUT_OPERATION", "deploy"));
        assertThat(inputs.get(Input.BACKEND_IMAGE_TAG)).contains("v3");
        assertThat(inputs.given(Input.ENVIRONMENT)).isEmpty();
    }
}
