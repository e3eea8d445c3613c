package dev.adhoc.action.model;

import java.util.Optional;

/**
 * A container image reference split into repository and tag or digest:
 * {@code registry:5000/team/app:v1}, {@code repo@sha256:...}, {@code repo} (no tag).
 */
public record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {

    public static ImageReference parse(String image) {
        String rest = image;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port, not a tag.
        if (colon > rest.lastIndexOf('/')) {
            tag = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /** {@code repository} at {@code version}, a tag or a digest ({@code sha256:...}): what {@link #version()} gives back. */
    public static ImageReference of(String repository, String version) {
        return version.startsWith("sha256:")
                ? new ImageReference(repository, Optional.empty(), Optional.of(version))
                : new ImageReference(repository, Optional.of(version), Optional.empty());
    }

    public ImageReference withTag(ImageTag newTag) {
        return of(repository, newTag.value());
    }

    /** The tag or digest, as a deploy would take it back ({@code v1} or {@code sha256:...}). */
    public Optional<String> version() {
        return digest.isPresent() ? digest : tag;
    }

    @Override
    public String toString() {
        return repository + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}
