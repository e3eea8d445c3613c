package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.DurationInput;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.manifest.SharedManifest;
import dev.adhoc.action.runtime.JobLog;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything needed to reach the bastion, checked before any connection: where it is, the
 * private key, and how its host key is verified. {@link #toString()} never shows the key.
 *
 * @param knownHosts known_hosts lines the bastion's host key must match; empty only when
 *                   {@code insecureSkipHostKeyCheck} is set
 */
public record BastionSettings(
        BastionTarget target,
        String privateKey,
        Optional<String> knownHosts,
        boolean insecureSkipHostKeyCheck,
        Duration connectTimeout,
        Duration commandTimeout) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Bounds the database scripts when no wait-timeout is given; they take seconds. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
    private static final String WHY = "for database: bastion";

    public BastionSettings {
        if (knownHosts.isEmpty() && !insecureSkipHostKeyCheck) {
            throw new IllegalArgumentException("known hosts are required unless the host key check is skipped");
        }
    }

    /**
     * Reads the bastion inputs, falling back to the shared stack's bastion for host and user.
     * Registers the private key with the log's masking before anything else can print it.
     */
    public static BastionSettings from(Inputs inputs, Optional<SharedManifest.Bastion> shared, JobLog log) {
        Optional<String> key = inputs.given(Input.SSH_PRIVATE_KEY);
        key.ifPresent(log::mask);
        String host = inputs.given(Input.BASTION_HOST).or(() -> shared.map(SharedManifest.Bastion::host).filter(h -> !h.isBlank()))
                .orElseThrow(() -> AdhocFailure.invalidInput("Input 'bastion-host' is required " + WHY
                        + " (the shared stack publishes no bastion): give the bastion's host or host:port."));
        String user = inputs.given(Input.BASTION_USER).or(() -> shared.map(SharedManifest.Bastion::user).filter(u -> !u.isBlank()))
                .or(() -> inputs.get(Input.BASTION_USER)).orElse("ec2-user");
        BastionTarget target = BastionTarget.parse(host, user);
        String privateKey = key.orElseThrow(() -> AdhocFailure.invalidInput("Input 'ssh-private-key' is required " + WHY
                + ": pass the key from a secret, e.g. ssh-private-key: ${{ secrets.BASTION_SSH_KEY }}."));
        if (!privateKey.contains("PRIVATE KEY")) {
            throw AdhocFailure.invalidInput("Input 'ssh-private-key' does not look like a private key (no 'PRIVATE KEY' header):"
                    + " pass the whole key file, including its -----BEGIN ... PRIVATE KEY----- and -----END ...----- lines.");
        }
        boolean insecure = inputs.flag(Input.SSH_INSECURE_SKIP_HOST_KEY_CHECK);
        Optional<String> knownHosts = inputs.given(Input.SSH_KNOWN_HOSTS);
        if (knownHosts.isEmpty() && !insecure) {
            throw AdhocFailure.invalidInput("Input 'ssh-known-hosts' is required " + WHY
                    + ": the bastion's host key is always checked. Get its lines with `"
                    + keyscan(target) + "`, verify them, and pass them (e.g. from a repository variable).");
        }
        knownHosts.ifPresent(BastionSettings::checkKnownHosts);
        Duration commandTimeout = inputs.get(Input.WAIT_TIMEOUT)
                .map(v -> DurationInput.parse(Input.WAIT_TIMEOUT.inputName(), v)).orElse(COMMAND_TIMEOUT);
        return new BastionSettings(target, privateKey, insecure ? Optional.empty() : knownHosts, insecure,
                CONNECT_TIMEOUT, commandTimeout);
    }

    /** Each known_hosts line needs at least hosts, key type and key; a mangled paste fails here, not as a mismatch. */
    static void checkKnownHosts(String text) {
        int entries = 0;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] fields = line.split("\\s+");
            boolean marker = fields[0].startsWith("@");
            if (fields.length < (marker ? 4 : 3)) {
                throw AdhocFailure.invalidInput("Input 'ssh-known-hosts' line " + (i + 1)
                        + " is not a known_hosts entry ('<host> <key-type> <base64-key>'), e.g. as printed by ssh-keyscan.");
            }
            entries++;
        }
        if (entries == 0) {
            throw AdhocFailure.invalidInput("Input 'ssh-known-hosts' has no entries: give the bastion's known_hosts lines,"
                    + " e.g. as printed by ssh-keyscan.");
        }
    }

    /** The command that prints the bastion's host keys, for messages. */
    static String keyscan(BastionTarget target) {
        return target.port() == BastionTarget.DEFAULT_PORT
                ? "ssh-keyscan " + target.host()
                : "ssh-keyscan -p " + target.port() + " " + target.host();
    }

    @Override
    public String toString() {
        return "BastionSettings[" + target.user() + "@" + target.address() + ", privateKey=***, knownHosts="
                + (knownHosts.isPresent() ? "given" : "none") + ", insecureSkipHostKeyCheck=" + insecureSkipHostKeyCheck + "]";
    }
}
