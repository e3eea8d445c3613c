package dev.adhoc.action.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordsTest {

    @Test
    void splitsOnWhitespace() {
        assertThat(ShellWords.split("command", "  python manage.py\tcreatesuperuser   --no-input "))
                .containsExactly("python", "manage.py", "createsuperuser", "--no-input");
    }

    @Test
    void honoursQuotesAndBackslashes() {
        assertThat(ShellWords.split("command", "python manage.py shell -c \"print('hi there'); print(\\\"x\\\")\""))
                .containsExactly("python", "manage.py", "shell", "-c", "print('hi there'); print(\"x\")");
        assertThat(ShellWords.split("command", "echo 'a \"b\" \\n' c\\ d \"\" e''f"))
                .containsExactly("echo", "a \"b\" \\n", "c d", "", "ef");
        assertThat(ShellWords.split("command", "loaddata fixtures/users.json --database=default"))
                .containsExactly("loaddata", "fixtures/users.json", "--database=default");
    }

    @Test
    void expandsNothing() {
        assertThat(ShellWords.split("command", "echo $HOME; rm -rf * | cat")).containsExactly("echo", "$HOME;", "rm", "-rf", "*", "|", "cat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "echo 'open", "echo \"open", "echo \"a\\\"", "trailing\\"})
    void refusesEmptyAndUnbalanced(String command) {
        assertThatThrownBy(() -> ShellWords.split("command", command))
                .isInstanceOf(AdhocFailure.class)
                .satisfies(e -> assertThat(((AdhocFailure) e).reason()).isEqualTo("invalid-input"))
                .hasMessageStartingWith("Input 'command' ");
    }

    @Test
    void joinsBackReadably() {
        assertThat(ShellWords.join(List.of("python", "manage.py", "shell", "-c", "print('x')")))
                .isEqualTo("python manage.py shell -c 'print('\\''x'\\'')'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha", "", " ", "a'b", "''", "'", "$(rm -rf /)", "`id`", "a;b", "a && b", "a|b", "line\nbreak",
            "tab\there", "\\", "back\\slash'", "$HOME", "${PATH}", "\"double\"", "*", "?", "~", "#comment", "-n", "ü €",
            "end'"})
    void aQuotedWordReadsBackUnchangedThroughARealShell(String hostile) {
        assertThat(sh("printf %s " + ShellWords.quote(hostile))).isEqualTo(hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a'b", "$(touch /tmp/x)", "x\ny", ""})
    void aQuotedWordIsOnePositionalArgument(String hostile) {
        assertThat(sh("sh -c 'printf %s \"$1\"' sh " + ShellWords.quote(hostile))).isEqualTo(hostile);
    }

    @Test
    void aCommandLineRunsExactlyItsArgv() {
        List<String> argv = List.of("printf", "[%s]", "a b", "c'd", "", "$(e)", "f\ng");
        assertThat(sh(ShellWords.commandLine(argv))).isEqualTo("[a b][c'd][][$(e)][f\ng]");
    }

    @Test
    void quotesWithSingleQuotesOnly() {
        assertThat(ShellWords.quote("a'b")).isEqualTo("'a'\\''b'");
        assertThat(ShellWords.quote("")).isEqualTo("''");
        assertThatThrownBy(() -> ShellWords.quote(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShellWords.commandLine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** What {@code /bin/sh -c line} prints. */
    private static String sh(String line) {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", line).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IllegalStateException("sh did not finish: " + line);
            assertThat(process.exitValue()).as("exit code of sh -c %s", line).isZero();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
