package dev.adhoc.action.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rows shown twice: as an aligned text table for the log, and as a Markdown table for the job summary. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> codeColumns = new HashSet<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    /** Shows {@code column}'s cells as code spans in Markdown (a command, say); the text table shows them as they are. */
    public Table inCode(String column) {
        int index = header.indexOf(column);
        if (index < 0) throw new IllegalArgumentException("no column " + column);
        codeColumns.add(index);
        return this;
    }

    public Table row(String... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("a row needs " + header.size() + " cells");
        rows.add(List.of(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Left-aligned columns two spaces apart, the header underlined; trailing spaces trimmed. */
    public List<String> text() {
        int[] widths = new int[header.size()];
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) rules.add("-".repeat(width));
        lines.add(line(rules, widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        return lines;
    }

    /** The rows as a GitHub Markdown table, each cell escaped by {@link Markdown#cell} (or {@link Markdown#codeCell} in a code column). */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) cells.add(codeColumns.contains(i) ? Markdown.codeCell(row.get(i)) : Markdown.cell(row.get(i)));
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return md.toString();
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append("  ");
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        return line.toString().stripTrailing();
    }
}
