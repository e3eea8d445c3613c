package dev.adhoc.action.model;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.text.Printable;
import java.util.regex.Pattern;

/** An image tag ({@code v1.2.3}, {@code main-3f2a1c}) or a content digest ({@code sha256:<64 hex>}). */
public record ImageTag(String value) {
    // The OCI distribution spec's tag grammar and the sha256 digest form.
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

    public ImageTag {
        if (value == null || !(TAG.matcher(value).matches() || DIGEST.matcher(value).matches())) {
            throw AdhocFailure.invalidInput("Image tag '" + Printable.of(value) + "' is not valid: a tag is 1-128 of "
                    + "[A-Za-z0-9_.-] not starting with '.' or '-', a digest is sha256:<64 lower-case hex digits>.");
        }
    }

    public static ImageTag of(String value) {
        return new ImageTag(value);
    }

    public boolean isDigest() {
        return value.startsWith("sha256:");
    }

    @Override
    public String toString() {
        return value;
    }
}
