package dev.adhoc.action.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void aCellKeepsPipesLineBreaksAndHtmlInert() {
        assertThat(Markdown.cell("a|b\r\n<img src=x>&c")).isEqualTo("a\\|b<br>&lt;img src=x&gt;&amp;c");
        assertThat(Markdown.cell("")).isEqualTo(" ");
        assertThat(Markdown.cell(null)).isEqualTo(" ");
    }

    @Test
    void aCodeSpanSurvivesBackticksAndLineBreaks() {
        assertThat(Markdown.code("module.web")).isEqualTo("`module.web`");
        assertThat(Markdown.code("echo `id`")).isEqualTo("`` echo `id` ``");
        assertThat(Markdown.code("a\nb")).isEqualTo("`a b`");
        assertThat(Markdown.codeCell("a|b")).isEqualTo("`a\\|b`");
    }

    @Test
    void aCodeBlockFenceIsLongerThanAnyRunInside() {
        assertThat(Markdown.codeBlock("text", List.of("```", "x"))).isEqualTo("````text\n```\nx\n````\n");
    }

    @Test
    void quotesAndLinks() {
        assertThat(Markdown.quote("one\n<two>")).isEqualTo("> one\n> &lt;two&gt;\n");
        assertThat(Markdown.link("log [1]", "https://x/a b)")).isEqualTo("[log \\[1\\]](https://x/a%20b%29)");
    }
}
