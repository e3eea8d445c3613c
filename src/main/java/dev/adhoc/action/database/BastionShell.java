package dev.adhoc.action.database;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Session;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.util.Backoff;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.text.Durations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs one command on the bastion over SSH (JSch) and feeds it standard input. The host key
 * is checked against the given known_hosts lines, never trusted on first use; the private
 * key stays in memory.
 */
public final class BastionShell {
    private static final String KEY_NAME = "bastion-key";
    private static final Duration POLL = Duration.ofMillis(50);

    private final BastionSettings settings;
    private final JobLog log;
    private final Poll poll;

    public BastionShell(BastionSettings settings, JobLog log, Poll poll) {
        this.settings = settings;
        this.log = log;
        this.poll = poll;
    }

    public BastionSettings settings() {
        return settings;
    }

    /**
     * Runs {@code command} with {@code stdin} as its standard input (then end of file) and waits,
     * at most the command timeout, for it to end. SSH failures are {@link AdhocFailure}s with
     * reasons {@code ssh-host-key-mismatch}, {@code ssh-host-key-unknown}, {@code ssh-auth-failed},
     * {@code ssh-unreachable}, {@code ssh-key-invalid} or {@code ssh-failed}; the command's own
     * failure is a result with its exit status, for the caller to explain. A wait ended by an
     * interrupt (a cancelled run) is {@link Poll.Interrupted} ({@code interrupted}).
     */
    public RemoteResult run(String command, String stdin) {
        BastionTarget target = settings.target();
        if (settings.insecureSkipHostKeyCheck()) {
            log.warning("INSECURE: ssh-insecure-skip-host-key-check is true, so the host key of bastion " + target.address()
                    + " is NOT checked and anyone between this runner and the bastion can read the database password."
                    + " Set ssh-known-hosts to the output of `" + BastionSettings.keyscan(target)
                    + "` (verified) and remove ssh-insecure-skip-host-key-check.");
        }
        JSch jsch = new JSch();
        Session session = null;
        try {
            identify(jsch);
            session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", settings.insecureSkipHostKeyCheck() ? "no" : "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            // Negotiate a host key type the known_hosts lines have, as OpenSSH does.
            session.setConfig("prefer_known_host_key_types", "yes");
            session.setServerAliveInterval(15_000);
            session.setServerAliveCountMax(4);
            connect(jsch, session);
            return exec(session, command, stdin);
        } catch (JSchException e) {
            throw new AdhocFailure(FailureReason.SSH_FAILED, "SSH to bastion " + target.address() + " failed: " + e.getMessage()
                    + ". Check the bastion-host, bastion-user and ssh-private-key inputs.", e);
        } finally {
            if (session != null) session.disconnect();
        }
    }

    private void identify(JSch jsch) throws JSchException {
        try {
            jsch.addIdentity(KEY_NAME, settings.privateKey().getBytes(StandardCharsets.UTF_8), null, null);
        } catch (JSchException e) {
            throw new AdhocFailure(FailureReason.SSH_KEY_INVALID, "Input 'ssh-private-key' could not be read as an unencrypted private key ("
                    + e.getMessage() + "). Pass the whole key file (OpenSSH or PEM; ed25519, ecdsa or rsa) without a passphrase.", e);
        }
        settings.knownHosts().ifPresent(lines -> {
            try {
                jsch.setKnownHosts(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
            } catch (JSchException e) {
                throw AdhocFailure.invalidInput("Input 'ssh-known-hosts' could not be read: " + e.getMessage() + ".");
            }
        });
    }

    private void connect(JSch jsch, Session session) {
        BastionTarget target = settings.target();
        String where = "bastion " + target.user() + "@" + target.address();
        String keyscan = BastionSettings.keyscan(target);
        try {
            session.connect(timeoutMillis(settings.connectTimeout()));
        } catch (JSchChangedHostKeyException e) {
            throw new AdhocFailure(FailureReason.SSH_HOST_KEY_MISMATCH, "The host key of " + where + " does not match ssh-known-hosts: it offered "
                    + offered(jsch, session) + ". Refusing to connect. If the bastion was replaced, run `" + keyscan
                    + "`, verify the key (e.g. in the instance's console output) and update the ssh-known-hosts input;"
                    + " otherwise someone may be intercepting the connection.", e);
        } catch (JSchUnknownHostKeyException e) {
            throw new AdhocFailure(FailureReason.SSH_HOST_KEY_UNKNOWN, "ssh-known-hosts has no key for " + where + " (it offered "
                    + offered(jsch, session) + "). Known-hosts entries for a port other than 22 are written [host]:port."
                    + " Run `" + keyscan + "`, verify the key and add the line to the ssh-known-hosts input.", e);
        } catch (JSchHostKeyException e) {
            throw new AdhocFailure(FailureReason.SSH_HOST_KEY_MISMATCH, "The host key of " + where + " was refused (" + e.getMessage()
                    + "): it offered " + offered(jsch, session) + ". Run `" + keyscan + "`, verify the key and update ssh-known-hosts.", e);
        } catch (JSchException e) {
            // JSch's auth exceptions are not public; its message is the stable part.
            if (e.getMessage() != null && e.getMessage().startsWith("Auth ")) throw authFailed(where, e);
            if (unreachable(e)) {
                throw new AdhocFailure(FailureReason.SSH_UNREACHABLE, "Could not reach " + where + " within "
                        + Durations.format(settings.connectTimeout()) + " (" + describe(e) + "). Check bastion-host, that the bastion"
                        + " runs, and that its security group lets this runner in on port " + target.port() + ".", e);
            }
            throw new AdhocFailure(FailureReason.SSH_FAILED, "SSH to " + where + " failed: " + describe(e) + ".", e);
        }
    }

    private static AdhocFailure authFailed(String where, JSchException e) {
        return new AdhocFailure(FailureReason.SSH_AUTH_FAILED, where + " refused the key in ssh-private-key (" + e.getMessage()
                + "). Check bastion-user, and that the key's public half is in that user's ~/.ssh/authorized_keys on the bastion.", e);
    }

    private static boolean unreachable(JSchException e) {
        if (e.getCause() instanceof IOException) return true;
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("timeout") || message.contains("socket") || message.contains("Connection refused")
                || message.contains("UnknownHost");
    }

    private static String describe(JSchException e) {
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return e.getMessage();
    }

    private static String offered(JSch jsch, Session session) {
        HostKey key = session.getHostKey();
        if (key == null) return "an unreadable key";
        return key.getType() + " " + key.getFingerPrint(jsch);
    }

    private RemoteResult exec(Session session, String command, String stdin) throws JSchException {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            channel.setCommand(command);
            channel.setOutputStream(out, true);
            channel.setErrStream(err, true);
            OutputStream input = channel.getOutputStream();
            channel.connect(timeoutMillis(settings.connectTimeout()));
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
            input.flush();
            input.close();
            if (!poll.until(channel::isClosed, poll.deadline(settings.commandTimeout()), new Backoff(POLL, POLL))) {
                throw new AdhocFailure(FailureReason.DATABASE_FAILED, "The command on bastion " + settings.target().address()
                        + " did not finish within " + Durations.format(settings.commandTimeout()) + "; it was abandoned."
                        + " Output so far: " + new RemoteResult(-1, "", err.toString(StandardCharsets.UTF_8)).lastErrorLines(3));
            }
            return new RemoteResult(channel.getExitStatus(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AdhocFailure(FailureReason.SSH_FAILED, "Sending input to the command on bastion " + settings.target().address()
                    + " failed: " + e.getMessage() + ".", e);
        } finally {
            channel.disconnect();
        }
    }

    private static int timeoutMillis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
