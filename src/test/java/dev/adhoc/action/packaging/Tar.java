package dev.adhoc.action.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough of a tar reader for image tars and their layers: ustar headers, the ustar name
 * prefix, pax 'path' records and GNU long names. Regular files are read into memory (callers
 * keep only what they need); directories and other entries are listed with no content.
 */
final class Tar {
    private Tar() {
    }

    /** Every entry's path (without a leading "./" or "/") mapped to its content (empty for non-files). */
    static Map<String, byte[]> read(InputStream in, java.util.function.Predicate<String> keepContent) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String longName = null;
        byte[] header = new byte[512];
        while (true) {
            if (in.readNBytes(header, 0, 512) < 512) break;
            if (isZero(header)) break;
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
            long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            byte[] content = in.readNBytes((int) size);
            if (content.length < size) throw new IOException("truncated tar entry " + name);
            long padding = (512 - size % 512) % 512;
            in.readNBytes((int) padding);
            switch (type) {
                case 'x' -> longName = paxPath(content);
                case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                case 'g' -> { }
                default -> {
                    String path = longName != null ? longName : name;
                    longName = null;
                    path = path.startsWith("./") ? path.substring(2) : path.startsWith("/") ? path.substring(1) : path;
                    boolean file = type == '0' || type == '\0';
                    entries.put(path, file && keepContent.test(path) ? content : new byte[0]);
                }
            }
        }
        return entries;
    }

    private static String paxPath(byte[] content) {
        String records = new String(content, StandardCharsets.UTF_8);
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) return record.substring(space + 6);
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }
}
