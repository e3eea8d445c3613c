package dev.adhoc.action.database;

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
        EnvironmentRole role = new EnvironmentRole(name, RolePassword.scramVerifier(credentials.password(), random),
                database.connectionLimit());
        try {
            server.ensure(role);
        } catch (RuntimeException failure) {
            if (credentials.created()) {
                log.info("Removing secret " + credentials.secretName() + " again: the database step failed.");
                secret.delete(name);
            }
            throw failure;
        }
    }

    /** Drops the database and the role, then deletes the secret. */
    public void drop(EnvironmentName name) {
        server.drop(name);
        secret.delete(name);
    }
}
