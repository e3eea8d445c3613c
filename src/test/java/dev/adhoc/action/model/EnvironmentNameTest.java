package dev.adhoc.action.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "pr-123", "feature-login", "abcdefghij0123456789"})
    void acceptsDnsLabelsUpToTwentyCharacters(String name) {
        assertThat(EnvironmentName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Feature", "1abc", "-abc", "abc-", "a--b", "abcdefghij0123456789x", "a_b", "a b",
            "a;rm -rf /", "x'; DROP DATABASE y; --", "$(id)", "a\nb"})
    void refusesEverythingElseWithAnExplanation(String name) {
        assertThatThrownBy(() -> EnvironmentName.of(name))
                .isInstanceOf(AdhocFailure.class)
                .hasMessageContaining("is not valid")
                .hasMessageContaining("at most 20 characters")
                .satisfies(e -> assertThat(((AdhocFailure) e).reason()).isEqualTo("invalid-input"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb"})
    void neverEchoesControlCharacters(String name) {
        assertThatThrownBy(() -> EnvironmentName.of(name)).hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "template0", "template1", "rdsadmin", "rdstopmgr", "public", "none"})
    void refusesNamesPostgresAlreadyUsesForDatabasesAndRoles(String name) {
        assertThatThrownBy(() -> EnvironmentName.of(name))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("invalid-input");
                    assertThat(f.getMessage()).isEqualTo("Environment name '" + name + "' is reserved: the environment's database"
                            + " and role would be PostgreSQL's own '" + name + "'. Choose another name (e.g. pr-123 or feature-login).");
                });
        assertThat(EnvironmentName.isValid(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres1", "my-postgres", "templates", "publicity"})
    void namesThatOnlyResembleReservedOnesAreFine(String name) {
        assertThat(EnvironmentName.isValid(name)).isTrue();
    }
}
