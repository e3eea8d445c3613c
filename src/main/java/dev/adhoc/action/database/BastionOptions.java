package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import java.util.Optional;

/**
 * The bastion inputs (database: bastion), checked at the edge for all that does not depend on the
 * shared stack: the private key is there and is one, the host-key setting is a boolean, and the
 * known_hosts lines are entries. Host and user fall back to the shared stack's bastion, so they
 * are checked when {@link BastionSettings} resolves them. {@link #toString()} never shows the key.
 *
 * @param fallbackUser the user when neither the input nor the shared stack names one (the input's default)
 */
public record BastionOptions(
        Optional<String> host,
        Optional<String> user,
        String privateKey,
        Optional<String> knownHosts,
        boolean insecureSkipHostKeyCheck,
        String fallbackUser) {

    static final String WHY = "for database: bastion";

    public static BastionOptions from(Inputs inputs) {
        String privateKey = inputs.given(Input.SSH_PRIVATE_KEY).orElseThrow(() -> AdhocFailure.invalidInput("Input 'ssh-private-key' is required "
                + WHY + ": pass the key from a secret, e.g. ssh-private-key: ${{ secrets.BASTION_SSH_KEY }}."));
        if (!privateKey.contains("PRIVATE KEY")) {
            throw AdhocFailure.invalidInput("Input 'ssh-private-key' does not look like a private key (no 'PRIVATE KEY' header):"
                    + " pass the whole key file, including its -----BEGIN ... PRIVATE KEY----- and -----END ...----- lines.");
        }
        boolean insecure = inputs.flag(Input.SSH_INSECURE_SKIP_HOST_KEY_CHECK);
        Optional<String> knownHosts = inputs.given(Input.SSH_KNOWN_HOSTS);
        knownHosts.ifPresent(BastionOptions::checkKnownHosts);
        return new BastionOptions(inputs.given(Input.BASTION_HOST), inputs.given(Input.BASTION_USER), privateKey, knownHosts, insecure,
                inputs.value(Input.BASTION_USER));
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

    @Override
    public String toString() {
        return "BastionOptions[host=" + host.orElse("(shared stack's)") + ", user=" + user.orElse("(shared stack's)") + ", privateKey=***, knownHosts="
                + (knownHosts.isPresent() ? "given" : "none") + ", insecureSkipHostKeyCheck=" + insecureSkipHostKeyCheck + "]";
    }
}
