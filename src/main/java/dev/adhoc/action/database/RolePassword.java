package dev.adhoc.action.database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An environment role's password and the SCRAM-SHA-256 verifier PostgreSQL stores for it
 * (RFC 5802 / RFC 7677, in PostgreSQL's {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}
 * form). PostgreSQL takes such a verifier as the role's password as it is, so only the verifier
 * travels to the database step: it lets nobody log in, and the password itself stays in the
 * program and the environment's secret.
 */
public final class RolePassword {
    /** 256 random bits. */
    static final int BYTES = 32;
    /** PostgreSQL's own defaults for the verifiers it computes. */
    static final int ITERATIONS = 4096;
    static final int SALT_BYTES = 16;

    private RolePassword() {
    }

    /** A new password: URL-safe base64 without padding, so it fits a DATABASE_URL as it is. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The verifier of {@code password} with a new random salt. */
    public static String scramVerifier(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return scramVerifier(password, salt, ITERATIONS);
    }

    /**
     * The verifier of {@code password}. The password must be printable ASCII, on which SASLprep
     * (which PostgreSQL applies first) changes nothing; generated passwords always are.
     */
    static String scramVerifier(String password, byte[] salt, int iterations) {
        if (!password.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("the password is not printable ASCII");
        }
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$" + base64.encodeToString(storedKey)
                    + ":" + base64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks PBKDF2WithHmacSHA256, HmacSHA256 or SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }
}
