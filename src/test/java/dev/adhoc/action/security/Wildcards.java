package dev.adhoc.action.security;

/** IAM's wildcard matching: {@code *} any run of characters, {@code ?} exactly one. */
final class Wildcards {
    private Wildcards() {}

    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1; // position of the last * in the pattern
        int resume = 0; // where in the text that * began to match
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) { // let the last * take one more character
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }

    /**
     * ARNs compare component by component ({@code arn:partition:service:region:account:resource}),
     * a wildcard never spanning a colon before the resource, which keeps its colons and slashes.
     * A pattern of {@code *} matches any ARN; text that is not an ARN matches only such a pattern.
     */
    static boolean matchesArn(String pattern, String arn) {
        if (pattern.equals("*")) return true;
        String[] expected = pattern.split(":", 6);
        String[] actual = arn.split(":", 6);
        if (expected.length != 6 || actual.length != 6) return matches(pattern, arn);
        for (int i = 0; i < 6; i++) {
            if (!matches(expected[i], actual[i])) return false;
        }
        return true;
    }
}
