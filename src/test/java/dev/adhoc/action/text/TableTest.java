package dev.adhoc.action.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void textAlignsColumnsAndUnderlinesTheHeader() {
        Table table = new Table("name", "age").row("pr-7", "3d 4h").row("feature-login", "5m");

        assertThat(table.text()).containsExactly(
                "name           age",
                "-------------  -----",
                "pr-7           3d 4h",
                "feature-login  5m");
    }

    @Test
    void markdownCellsAreEscapedLikeEveryOtherMarkdownMadeFromUntrustedText() {
        Table table = new Table("environment", "why").row("pr-7", "a|b <!-- hidden -->\nsecond line");

        assertThat(table.markdown()).isEqualTo("| environment | why |\n|---|---|\n"
                + "| pr-7 | " + Markdown.cell("a|b <!-- hidden -->\nsecond line") + " |\n");
        assertThat(table.markdown()).contains("a\\|b &lt;!-- hidden --&gt;<br>second line");
    }

    @Test
    void aCodeColumnIsACodeSpanInMarkdownAndPlainInText() {
        Table table = new Table("command", "exit code").inCode("command").row("echo 'a|b'", "0");

        assertThat(table.markdown()).isEqualTo("| command | exit code |\n|---|---|\n| " + Markdown.codeCell("echo 'a|b'") + " | 0 |\n");
        assertThat(table.markdown()).contains("`echo 'a\\|b'`");
        assertThat(table.text()).containsExactly("command     exit code", "----------  ---------", "echo 'a|b'  0");
        assertThatThrownBy(() -> table.inCode("time")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowNeedsACellPerColumn() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
