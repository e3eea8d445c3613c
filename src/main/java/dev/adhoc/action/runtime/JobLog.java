package dev.adhoc.action.runtime;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The job log. In GitHub Actions it speaks workflow commands ({@code ::group::},
 * {@code ::error::}, {@code ::add-mask::}); elsewhere the same calls print readable text.
 * Every line is redacted of the secrets registered with {@link #mask}, in both modes, so a
 * secret never reaches the log even where the runner would not mask it.
 */
public final class JobLog {
    private final PrintStream out;
    private final boolean githubActions;
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public JobLog(PrintStream out, boolean githubActions) {
        this.out = out;
        this.githubActions = githubActions;
    }

    /** Registers a secret: masked by the runner and redacted from everything printed here. */
    public void mask(String secret) {
        if (secret == null || secret.isBlank()) return;
        for (String line : secret.split("\\R")) {
            String part = line.strip();
            // Very short fragments (a lone "-----" of a PEM) would redact ordinary text and protect nothing.
            if (part.length() < 4 || secrets.contains(part)) continue;
            secrets.add(part);
            if (githubActions) command("::add-mask::" + escapeData(part));
        }
    }

    public String redact(String text) {
        if (text == null) return "";
        String result = text;
        for (String secret : secrets) result = result.replace(secret, "***");
        return result;
    }

    public void info(String message) {
        text(message);
    }

    public void notice(String message) {
        annotate("notice", "Notice: ", message);
    }

    public void warning(String message) {
        annotate("warning", "Warning: ", message);
    }

    public void error(String message) {
        annotate("error", "Error: ", message);
    }

    public void startGroup(String title) {
        if (githubActions) command("::group::" + escapeData(redact(title)));
        else text("▸ " + title);
    }

    public void endGroup() {
        if (githubActions) command("::endgroup::");
    }

    public <T> T group(String title, Supplier<T> body) {
        startGroup(title);
        try {
            return body.get();
        } finally {
            endGroup();
        }
    }

    public void group(String title, Runnable body) {
        group(title, () -> {
            body.run();
            return null;
        });
    }

    private void annotate(String level, String plainPrefix, String message) {
        if (githubActions) {
            command("::" + level + "::" + escapeData(redact(message)));
        } else {
            text(plainPrefix + message);
        }
    }

    private void command(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Ordinary text: redacted, and never read by the runner as a workflow command. */
    private void text(String line) {
        String safe = redact(line);
        if (githubActions && safe.startsWith("::")) safe = " " + safe;
        synchronized (out) {
            out.println(safe);
            out.flush();
        }
    }

    /** Workflow-command data escaping, so multi-line messages stay one annotation. */
    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
