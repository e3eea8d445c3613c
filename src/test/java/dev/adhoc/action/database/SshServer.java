package dev.adhoc.action.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real OpenSSH server for the tests, on a free loopback port, with a generated host key
 * and one authorized client key; logs in as the user running the tests.
 */
final class SshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final int port;
    private final Process process;

    private SshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static SshServer start() {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install openssh-server (apt-get install -y openssh-server)");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("adhoc-sshd");
            keygen(dir.resolve("host_key"));
            keygen(dir.resolve("client_key"));
            keygen(dir.resolve("other_host_key"));
            keygen(dir.resolve("other_client_key"));
            Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
            // Privilege separation needs this directory; fresh machines may lack it.
            Files.createDirectories(Path.of("/run/sshd"));
            int port = Processes.freePort();
            Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + dir.resolve("host_key"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "StrictModes no",
                    "UsePAM no",
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "AllowUsers " + System.getProperty("user.name"),
                    "LogLevel VERBOSE",
                    ""));
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString(), "-p",
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sshd.log").toFile())
                    .start();
            SshServer server = new SshServer(dir, port, process);
            server.awaitBanner();
            return server;
        } catch (IOException | RuntimeException e) {
            String log = "";
            try {
                if (dir != null && Files.exists(dir.resolve("sshd.log"))) log = Files.readString(dir.resolve("sshd.log"));
            } catch (IOException ignored) {
                // The original failure matters more.
            }
            throw new IllegalStateException("sshd could not be started for the tests: " + e.getMessage() + "\n" + log, e);
        }
    }

    private static void keygen(Path file) {
        Processes.check(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "adhoc-test", "-f", file.toString()));
    }

    private void awaitBanner() throws IOException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("sshd exited with " + process.exitValue());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(2000);
                InputStream in = socket.getInputStream();
                byte[] banner = in.readNBytes(4);
                if (new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("sshd did not answer on port " + port + " within 15s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return port;
    }

    String user() {
        return System.getProperty("user.name");
    }

    String clientPrivateKey() {
        return read(dir.resolve("client_key"));
    }

    /** A valid key the server does not authorize. */
    String otherClientPrivateKey() {
        return read(dir.resolve("other_client_key"));
    }

    /** The known_hosts line for this server's real host key. */
    String knownHostsLine() {
        return knownHostsLine(dir.resolve("host_key.pub"));
    }

    /** A known_hosts line claiming another key for this server, as after a bastion swap or an attack. */
    String wrongKnownHostsLine() {
        return knownHostsLine(dir.resolve("other_host_key.pub"));
    }

    private String knownHostsLine(Path publicKey) {
        String[] fields = read(publicKey).strip().split("\\s+");
        return "[127.0.0.1]:" + port + " " + fields[0] + " " + fields[1] + "\n";
    }

    /** The same line with the host name hashed, as {@code ssh-keyscan -H} prints it. */
    String hashedKnownHostsLine() {
        try {
            Path file = dir.resolve("known_hosts_hashed");
            Files.writeString(file, knownHostsLine());
            Processes.check(List.of("ssh-keygen", "-H", "-f", file.toString()));
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot hash known_hosts", e);
        }
    }

    String log() {
        return read(dir.resolve("sshd.log"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Processes.deleteTree(dir);
        }
    }
}
