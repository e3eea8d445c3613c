package dev.adhoc.action.database;

import dev.adhoc.action.AdhocFailure;
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

    public BastionSettings {
        if (knownHosts.isEmpty() && !insecureSkipHostKeyCheck) {
            throw new IllegalArgumentException("known hosts are required unless the host key check is skipped");
        }
    }

    /**
     * The bastion options completed by the shared stack's bastion for host and user, and checked:
     * the address, and known_hosts unless the check is skipped. The database scripts are bounded by
     * {@code commandTimeout} (the wait-timeout). Registers the private key with the log's masking
     * before anything else can print it.
     */
    public static BastionSettings of(BastionOptions options, Optional<SharedManifest.Bastion> shared, Duration commandTimeout, JobLog log) {
        log.mask(options.privateKey());
        String host = options.host().or(() -> shared.map(SharedManifest.Bastion::host).filter(h -> !h.isBlank()))
                .orElseThrow(() -> AdhocFailure.invalidInput("Input 'bastion-host' is required " + BastionOptions.WHY
                        + " (the shared stack publishes no bastion): give the bastion's host or host:port."));
        String user = options.user().or(() -> shared.map(SharedManifest.Bastion::user).filter(u -> !u.isBlank()))
                .orElse(options.fallbackUser());
        BastionTarget target = BastionTarget.parse(host, user);
        if (options.knownHosts().isEmpty() && !options.insecureSkipHostKeyCheck()) {
            throw AdhocFailure.invalidInput("Input 'ssh-known-hosts' is required " + BastionOptions.WHY
                    + ": the bastion's host key is always checked. Get its lines with `"
                    + keyscan(target) + "`, verify them, and pass them (e.g. from a repository variable).");
        }
        return new BastionSettings(target, options.privateKey(), options.insecureSkipHostKeyCheck() ? Optional.empty() : options.knownHosts(),
                options.insecureSkipHostKeyCheck(), CONNECT_TIMEOUT, commandTimeout);
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
