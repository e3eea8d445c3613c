package dev.adhoc.action.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;

/**
 * An SSH bastion for the tests: Apache MINA SSHD in-process on a free loopback port, with a
 * generated ed25519 host key and exactly one authorized client key (no password or keyboard
 * login), running exec requests through {@code /bin/sh -c} as the user running the tests.
 * Its log records each login decision and each command it ran, as sshd's log would.
 */
final class SshServer implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final String COMMENT = "adhoc-test";

    private final org.apache.sshd.server.SshServer server;
    private final Path home;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final List<String> log;

    private SshServer(org.apache.sshd.server.SshServer server, Path home, KeyPair hostKey, KeyPair clientKey, List<String> log) {
        this.server = server;
        this.home = home;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
        this.log = log;
    }

    /**
     * @param commandEnvironment set for the commands on top of this JVM's environment, as a
     *                           bastion's login environment would (e.g. PATH with the PostgreSQL tools)
     */
    static SshServer start(Map<String, String> commandEnvironment) {
        Path home = null;
        org.apache.sshd.server.SshServer server = org.apache.sshd.server.SshServer.setUpDefaultServer();
        try {
            home = Files.createTempDirectory("adhoc-sshd");
            KeyPair hostKey = ed25519();
            KeyPair clientKey = ed25519();
            String user = System.getProperty("user.name");
            List<String> log = new CopyOnWriteArrayList<>();
            Path workingDirectory = home;
            server.setHost(HOST);
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((name, key, session) -> {
                boolean accepted = name.equals(user) && KeyUtils.compareKeys(clientKey.getPublic(), key);
                log.add((accepted ? "Accepted" : "Refused") + " publickey for " + name + " " + KeyUtils.getFingerPrint(key));
                return accepted;
            });
            server.setCommandFactory((channel, command) -> {
                log.add("Running " + command);
                return new ShellCommand(command, workingDirectory, commandEnvironment);
            });
            server.start();
            return new SshServer(server, home, hostKey, clientKey, log);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            stop(server);
            Processes.deleteTree(home);
            throw new IllegalStateException("the SSH server for the tests could not be started: " + e, e);
        }
    }

    private static KeyPair ed25519() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    int port() {
        return server.getPort();
    }

    String user() {
        return System.getProperty("user.name");
    }

    String clientPrivateKey() {
        return privateKeyFile(clientKey);
    }

    /** A valid key the server does not authorize. */
    String otherClientPrivateKey() {
        try {
            return privateKeyFile(ed25519());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key", e);
        }
    }

    /** The known_hosts line for this server's real host key. */
    String knownHostsLine() {
        return hostPattern() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    }

    /** A known_hosts line claiming another key for this server, as after a bastion swap or an attack. */
    String wrongKnownHostsLine() {
        try {
            return hostPattern() + " " + PublicKeyEntry.toString(ed25519().getPublic()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key", e);
        }
    }

    /**
     * The known_hosts line with the host name hashed, as {@code ssh-keyscan -H} and
     * {@code ssh-keygen -H} print it: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, host))}.
     */
    String hashedKnownHostsLine() {
        try {
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = hmac.doFinal(hostPattern().getBytes(StandardCharsets.US_ASCII));
            Base64.Encoder base64 = Base64.getEncoder();
            PublicKey key = hostKey.getPublic();
            return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hash) + " " + PublicKeyEntry.toString(key) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the known_hosts line", e);
        }
    }

    /** What the server did: one line per login decision and per command it ran. */
    String log() {
        return String.join("\n", log);
    }

    private String hostPattern() {
        return "[" + HOST + "]:" + port();
    }

    private static String privateKeyFile(KeyPair key) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new OpenSSHKeyPairResourceWriter().writePrivateKey(key, COMMENT, null, out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the private key", e);
        }
    }

    private static void stop(org.apache.sshd.server.SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            // Stopping a server that did not start; the original failure matters more.
        }
    }

    @Override
    public void close() {
        stop(server);
        Processes.deleteTree(home);
    }
}
