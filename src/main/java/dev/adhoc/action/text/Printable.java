package dev.adhoc.action.text;

/** Untrusted input echoed back in a message, made safe to print: no control characters, bounded length. */
public final class Printable {
    private static final int MAX_LENGTH = 40;

    private Printable() {
    }

    public static String of(String value) {
        if (value == null) return "";
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
    }
}
