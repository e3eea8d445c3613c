package dev.adhoc.action.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Did you mean": the valid name closest to a mistyped one, if it is close enough to be the one meant. */
final class Suggestions {
    private Suggestions() {
    }

    /** The candidate fewest edits away, when those edits are few for its length (a typo, not another word). */
    static Optional<String> closest(String typed, List<String> candidates) {
        String word = typed == null ? "" : typed.strip();
        if (word.isEmpty()) return Optional.empty();
        // A prefix is what people type when they half-remember a long name (--backend-image for --backend-image-tag).
        List<String> extending = candidates.stream().filter(c -> c.startsWith(word)).toList();
        if (extending.size() == 1) return Optional.of(extending.get(0));
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance(word, c)))
                .filter(c -> distance(word, c) <= Math.max(2, Math.min(word.length(), c.length()) / 3));
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
