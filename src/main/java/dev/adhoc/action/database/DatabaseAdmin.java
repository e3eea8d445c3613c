package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.runtime.JobLog;
import java.security.SecureRandom;

/**
 * The database step of {@code create} and {@code destroy}: an environment's own credentials
 * (its secret) and, unless {@code database: none}, its login role and database in the shared
 * server. {@code create} ensures the secret first, in every mode, because the environment's task
 * definitions read it; {@code destroy} removes it last. Both are idempotent.
 */
public final class DatabaseAdmin {
    private final EnvironmentSecret secret;
    private final DatabaseServerAdmin server;
    private final SharedManifest.Database database;
    private final SecureRandom random;
    private final JobLog log;

    public DatabaseAdmin(EnvironmentSecret secret, DatabaseServerAdmin server, SharedManifest.Database database,
                         SecureRandom random, JobLog log) {
        this.secret = secret;
        this.server = server;
        this.database = database;
        this.random = random;
        this.log = log;
    }

    /**
     * Ensures the secret (keeping an existing password), then the role with that password and
     * the database it owns. A secret this run created is removed again if the role cannot be
     * made, so a failed create leaves no credentials behind that match no role.
     */
    public void ensure(EnvironmentName name) {
        EnvironmentSecret.Credentials credentials = secret.ensure(name, database, () -> RolePassword.generate(random));
        try {
            server.ensure(new EnvironmentRole(name, verifier(credentials), database.connectionLimit()));
        } catch (RuntimeException failure) {
            if (credentials.created()) {
                log.info("Removing secret " + credentials.secretName() + " again: the database step failed.");
                try {
                    secret.delete(name);
                } catch (RuntimeException cleanup) {
                    log.warning("Could not remove secret " + credentials.secretName() + " again (" + cleanup.getMessage()
                            + "); the next create uses it, or destroy removes it.");
                }
            }
            throw failure;
        }
    }

    private String verifier(EnvironmentSecret.Credentials credentials) {
        try {
            return RolePassword.scramVerifier(credentials.password(), random);
        } catch (IllegalArgumentException e) {
            // Only a password someone stored by hand can be like this.
            throw new AdhocFailure(FailureReason.DATABASE_SECRET_FAILED, "The password in secret " + credentials.secretName() + " has characters"
                    + " other than printable ASCII (or spaces), which the database step does not pass on. Store a password of"
                    + " letters, digits and punctuation there, or delete the secret so a new one is made, then run again.");
        }
    }

    /** Drops the database and the role, then deletes the secret. */
    public void drop(EnvironmentName name) {
        server.drop(name);
        secret.delete(name);
    }
}
