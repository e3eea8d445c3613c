package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.text.Printable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bastion to connect to: host, SSH port and user. */
public record BastionTarget(String host, int port, String user) {
    public static final int DEFAULT_PORT = 22;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](?::(\\d{1,5}))?");

    /**
     * Reads {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port} as the
     * {@code bastion-host} input is written, and checks the user name's shape.
     */
    public static BastionTarget parse(String hostInput, String user) {
        String text = hostInput == null ? "" : hostInput.strip();
        String host;
        String port = null;
        Matcher bracketed = BRACKETED.matcher(text);
        Matcher hostPort = HOST_PORT.matcher(text);
        if (bracketed.matches()) {
            host = bracketed.group(1);
            port = bracketed.group(2);
            if (!IPV6.matcher(host).matches()) throw badHost(hostInput);
        } else if (hostPort.matches()) {
            host = hostPort.group(1);
            port = hostPort.group(2);
            if (!HOST.matcher(host).matches()) throw badHost(hostInput);
        } else {
            host = text;
            if (!HOST.matcher(host).matches()) throw badHost(hostInput);
        }
        int number = port == null ? DEFAULT_PORT : Integer.parseInt(port);
        if (number < 1 || number > 65535) throw badHost(hostInput);
        if (user == null || !USER.matcher(user).matches() || user.length() > 64) {
            throw AdhocFailure.invalidInput("Input 'bastion-user' is '" + Printable.of(user)
                    + "', not a user name: use letters, digits, '_', '.' and '-' (e.g. ec2-user).");
        }
        return new BastionTarget(host, number, user);
    }

    private static AdhocFailure badHost(String value) {
        return AdhocFailure.invalidInput("Input 'bastion-host' is '" + Printable.of(value)
                + "', not a host or host:port: write e.g. bastion.example.com, 203.0.113.10:2222 or [2001:db8::1]:22.");
    }

    /** {@code host} or {@code host:port}, as in messages; the port only when it is not 22. */
    public String address() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return port == DEFAULT_PORT ? shown : shown + ":" + port;
    }
}
