package dev.adhoc.action.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import java.util.List;
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
}
