package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PosixShellTest {
    @ParameterizedTest
    @ValueSource(strings = {"alpha", "", " ", "a'b", "''", "'", "$(rm -rf /)", "`id`", "a;b", "a && b", "a|b", "line\nbreak",
            "tab\there", "\\", "back\\slash'", "$HOME", "${PATH}", "\"double\"", "*", "?", "~", "#comment", "-n", "ü €",
            "end'"})
    void aQuotedWordReadsBackUnchangedThroughARealShell(String hostile) {
        Processes.Result result = Processes.check(List.of("/bin/sh", "-c", "printf %s " + PosixShell.quote(hostile)));
        assertThat(result.stdout()).isEqualTo(hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a'b", "$(touch /tmp/x)", "x\ny", ""})
    void aQuotedWordIsOnePositionalArgument(String hostile) {
        String line = "sh -c 'printf %s \"$1\"' sh " + PosixShell.quote(hostile);
        assertThat(Processes.check(List.of("/bin/sh", "-c", line)).stdout()).isEqualTo(hostile);
    }

    @Test
    void joinsAnArgvIntoOneLineThatRunsExactlyThatArgv() {
        List<String> argv = List.of("printf", "[%s]", "a b", "c'd", "", "$(e)", "f\ng");
        assertThat(Processes.check(List.of("/bin/sh", "-c", PosixShell.join(argv))).stdout()).isEqualTo("[a b][c'd][][$(e)][f\ng]");
    }

    @Test
    void quotesWithSingleQuotesOnly() {
        assertThat(PosixShell.quote("a'b")).isEqualTo("'a'\\''b'");
        assertThat(PosixShell.quote("")).isEqualTo("''");
        assertThatThrownBy(() -> PosixShell.quote(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PosixShell.join(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
