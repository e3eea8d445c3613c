package dev.adhoc.action.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTagTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v1.2.3", "main-3f2a1c", "latest", "_x", "A" + "b"})
    void acceptsTags(String tag) {
        assertThat(ImageTag.of(tag).isDigest()).isFalse();
    }

    @Test
    void acceptsDigests() {
        assertThat(ImageTag.of(DIGEST).isDigest()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".v1", "-v1", "v1:2", "v 1", "sha256:abc", "sha256:" + "A", "x/y"})
    void refusesOthers(String tag) {
        assertThatThrownBy(() -> ImageTag.of(tag)).isInstanceOf(AdhocFailure.class).hasMessageContaining("is not valid");
    }

    @Test
    void refusesTagsLongerThan128() {
        assertThatThrownBy(() -> ImageTag.of("a".repeat(129))).isInstanceOf(AdhocFailure.class);
    }

    @Test
    void referencesSplitAndRetag() {
        ImageReference ref = ImageReference.parse("registry.local:5000/team/backend:v1");
        assertThat(ref.repository()).isEqualTo("registry.local:5000/team/backend");
        assertThat(ref.tag()).contains("v1");
        assertThat(ref.withTag(ImageTag.of("v2")).toString()).isEqualTo("registry.local:5000/team/backend:v2");
        assertThat(ref.withTag(ImageTag.of(DIGEST)).toString()).isEqualTo("registry.local:5000/team/backend@" + DIGEST);
        assertThat(ImageReference.parse("registry.local:5000/team/backend").tag()).isEmpty();
        ImageReference pinned = ImageReference.parse("repo/app:v1@" + DIGEST);
        assertThat(pinned.repository()).isEqualTo("repo/app");
        assertThat(pinned.version()).contains(DIGEST);
    }
}
