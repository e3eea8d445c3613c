package dev.adhoc.action.database;

import dev.adhoc.action.manifest.SharedManifest;

/** Where the shared database server listens and whom to connect as; nothing secret. */
public record DatabaseEndpoint(String host, int port, String username) {
    public DatabaseEndpoint {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("database host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("database port " + port + " is out of range");
        if (username == null || username.isBlank()) throw new IllegalArgumentException("database username is empty");
    }

    public static DatabaseEndpoint of(SharedManifest.Database database) {
        return new DatabaseEndpoint(database.host(), database.port(), database.username());
    }

    /** {@code host:port}, as shown in messages. */
    public String address() {
        return host + ":" + port;
    }
}
