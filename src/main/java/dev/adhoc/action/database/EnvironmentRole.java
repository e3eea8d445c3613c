package dev.adhoc.action.database;

import dev.adhoc.action.model.EnvironmentName;

/**
 * The login role of one environment as the database step creates it: named after the
 * environment, owning only its database. It carries the password's SCRAM verifier, never the
 * password; {@link #toString()} shows neither.
 */
public record EnvironmentRole(EnvironmentName name, String passwordVerifier, int connectionLimit) {
    public EnvironmentRole {
        if (!passwordVerifier.startsWith("SCRAM-SHA-256$")) throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        if (connectionLimit < 1) throw new IllegalArgumentException("connection limit " + connectionLimit + " is not positive");
    }

    @Override
    public String toString() {
        return "EnvironmentRole[" + name + ", connection limit " + connectionLimit + ", verifier=***]";
    }
}
