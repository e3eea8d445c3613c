package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class RolePasswordTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void passwordsAre256RandomBitsInUrlSafeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = RolePassword.generate(RANDOM);
            assertThat(password).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(password)).hasSize(32);
            seen.add(password);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void theVerifierIsExactlyWhatPostgresComputesForTheSamePasswordAndSalt(PostgresServer postgres) {
        Psql.forget(postgres, "scram-check");
        Psql.master(postgres, "SET password_encryption = 'scram-sha-256'; CREATE ROLE \"scram-check\" PASSWORD 'Tr0ub4dor&3-x_Y'");
        String theirs = Psql.master(postgres, "SELECT rolpassword FROM pg_authid WHERE rolname = 'scram-check'");
        Psql.forget(postgres, "scram-check");
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        String[] parts = theirs.split("[$:]");
        byte[] salt = Base64.getDecoder().decode(parts[2]);

        assertThat(RolePassword.scramVerifier("Tr0ub4dor&3-x_Y", salt, Integer.parseInt(parts[1]))).isEqualTo(theirs);
    }

    @Test
    void aVerifierLetsTheRoleLogInWithThePasswordAndNotWithTheVerifierItself(PostgresServer postgres) {
        Psql.forget(postgres, "scram-login");
        String password = RolePassword.generate(RANDOM);
        String verifier = RolePassword.scramVerifier(password, RANDOM);
        assertThat(verifier).startsWith("SCRAM-SHA-256$4096:").doesNotContain(password);
        Psql.master(postgres, "CREATE ROLE \"scram-login\" LOGIN PASSWORD '" + verifier + "'");

        assertThat(Psql.as(postgres, "scram-login", password, "postgres", "SELECT current_user").stdout()).isEqualTo("scram-login\n");
        assertThat(Psql.as(postgres, "scram-login", verifier, "postgres", "SELECT 1").stderr()).contains("password authentication failed");
        Psql.forget(postgres, "scram-login");
    }

    @Test
    void refusesWhatSaslPrepWouldChange() {
        assertThatThrownBy(() -> RolePassword.scramVerifier("pässword", new byte[16], 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RolePassword.scramVerifier("with space", new byte[16], 4096)).isInstanceOf(IllegalArgumentException.class);
    }
}
