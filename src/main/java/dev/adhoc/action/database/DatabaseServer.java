package dev.adhoc.action.database;

/** The database server with the master password; {@link #toString()} never shows the password. */
public record DatabaseServer(DatabaseEndpoint endpoint, String password) {
    public DatabaseServer {
        if (endpoint == null) throw new IllegalArgumentException("no endpoint");
        if (password == null || password.isEmpty()) throw new IllegalArgumentException("the database password is empty");
        // The password travels as one line on the remote command's standard input.
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the database password contains a line break");
        }
    }

    @Override
    public String toString() {
        return "DatabaseServer[" + endpoint.username() + "@" + endpoint.address() + ", password=***]";
    }
}
