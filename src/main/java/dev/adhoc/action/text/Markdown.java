package dev.adhoc.action.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, safe building blocks for GitHub-flavoured Markdown made from untrusted text. */
public final class Markdown {
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {
    }

    /** A table cell: pipes escaped, line breaks kept as {@code <br>}, HTML kept inert. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) return " ";
        return inline(text).replace("|", "\\|").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>");
    }

    /** Text outside code: HTML tags and comments kept inert, so a message cannot hide or fake anything. */
    public static String inline(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An inline code span that survives backticks inside the text. */
    public static String code(String text) {
        String value = text == null ? "" : text.replace("\r", " ").replace("\n", " ");
        String fence = "`".repeat(longestBacktickRun(value) + 1);
        boolean pad = value.startsWith("`") || value.endsWith("`");
        return fence + (pad ? " " + value + " " : value) + fence;
    }

    /** The same inside a table cell: pipes must be escaped even in code spans. */
    public static String codeCell(String text) {
        return code(text).replace("|", "\\|");
    }

    /** A fenced block whose fence is longer than any backtick run inside, so it always closes where we close it. */
    public static String codeBlock(String language, List<String> lines) {
        String body = String.join("\n", lines);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        return fence + language + "\n" + body + (body.isEmpty() ? "" : "\n") + fence + "\n";
    }

    /** Each line prefixed with {@code > }. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : (text == null ? "" : text).split("\\R", -1)) out.append("> ").append(inline(line)).append('\n');
        return out.toString();
    }

    public static String link(String text, String url) {
        return "[" + inline(text).replace("[", "\\[").replace("]", "\\]") + "](" + url.replace(" ", "%20").replace(")", "%29") + ")";
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) longest = Math.max(longest, run.group().length());
        return longest;
    }
}
