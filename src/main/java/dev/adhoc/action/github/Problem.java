package dev.adhoc.action.github;

import dev.adhoc.action.text.Durations;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/** Turns whatever the GitHub client threw into one sentence a user can act on. */
final class Problem {
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Problem() {
    }

    /**
     * Why the call failed, and what to change. {@code permission} names the workflow permissions the
     * call needs ({@code pull-requests: write}, {@code deployments: write}).
     */
    static String explain(Throwable thrown, String permission, boolean fromFork) {
        int status = status(thrown);
        Map<String, List<String>> headers = headers(thrown);
        String said = gitHubMessage(thrown).map(m -> ": " + m).orElse("");
        if (status == 403 && "0".equals(header(headers, "X-RateLimit-Remaining"))) {
            return "the GitHub API rate limit is used up (HTTP 403" + resetTime(headers) + "), not waited for";
        }
        if (status == 429 || (status == 403 && (header(headers, "Retry-After") != null || said.toLowerCase(Locale.ROOT).contains("rate limit")))) {
            return "GitHub's secondary rate limit was hit (HTTP " + status + "), not waited for";
        }
        if (status == 401) {
            return "GitHub rejected the token (HTTP 401" + said + "): check the github-token input";
        }
        if (status == 403 || status == 404) {
            String fork = fromFork ? "; pull requests from forks get a read-only token, see examples/workflows/README.md" : "";
            return "the token may not do this (HTTP " + status + said + "): the workflow's `permissions:` need " + permission + fork;
        }
        if (status >= 500) {
            return "GitHub had an error (HTTP " + status + said + "); the next run will try again";
        }
        if (status > 0) {
            return "GitHub refused the request (HTTP " + status + said + ")";
        }
        Throwable root = root(thrown);
        if (root instanceof HttpTimeoutException) return "GitHub did not answer in time (" + root.getMessage() + ")";
        if (root instanceof IOException) return "GitHub could not be reached (" + root + ")";
        return "the GitHub client failed (" + root + ")";
    }

    static int status(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getResponseCode() > 0) return http.getResponseCode();
            if (t instanceof FileNotFoundException) return 404;
        }
        return -1;
    }

    private static Map<String, List<String>> headers(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            Map<String, List<String>> fields = null;
            try {
                if (t instanceof GHIOException io) fields = io.getResponseHeaderFields();
                if (t instanceof GHFileNotFoundException nf) fields = nf.getResponseHeaderFields();
            } catch (NullPointerException e) {
                // The client throws here for exceptions that never got a response (connection refused).
                fields = null;
            }
            if (fields != null) return fields;
        }
        return Map.of();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static String resetTime(Map<String, List<String>> headers) {
        try {
            String reset = header(headers, "X-RateLimit-Reset");
            return reset == null ? "" : ", resets at " + Durations.timeOfDay(Instant.ofEpochSecond(Long.parseLong(reset.strip())));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** GitHub explains itself in the JSON body's "message"; the client puts that body in its exception message. */
    private static Optional<String> gitHubMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String text = t.getMessage();
            if (text == null) continue;
            Matcher m = MESSAGE.matcher(text);
            if (m.find()) return Optional.of(m.group(1).replace("\\\"", "\"")).map(s -> s.length() > 200 ? s.substring(0, 200) + "…" : s);
        }
        return Optional.empty();
    }

    private static Throwable root(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
