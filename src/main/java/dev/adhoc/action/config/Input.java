package dev.adhoc.action.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every input the program reads: the one list that action.yml, README and the CLI agree with
 * (a test keeps them in agreement). In GitHub Action mode an input arrives as the environment
 * variable {@code INPUT_<NAME>} (upper-cased, hyphens kept); on the CLI as {@code --name value}.
 */
public enum Input {
    OPERATION("operation", "What to do: plan, create, deploy, run, destroy, list, cleanup, stop or start.", null, false, For.NONE),
    ENVIRONMENT("environment", "The environment's name (lower-case letters, digits, single hyphens, at most 20 characters). On pull_request events it defaults to pr-<number>.", null, false, For.ONE_ENVIRONMENT),
    BACKEND_IMAGE_TAG("backend-image-tag", "Tag or sha256: digest of the backend image to roll out (web, worker, beat, migrate, collectstatic).", null, false, For.IMAGES),
    FRONTEND_IMAGE_TAG("frontend-image-tag", "Tag or sha256: digest of the frontend image to roll out.", null, false, For.IMAGES),
    TERRAFORM_DIRECTORY("terraform-directory", "Terraform root holding the <environment>.tfvars files.", "terraform/ad-hoc", false, For.TERRAFORM),
    VAR_FILE("var-file", "Variables file for the environment; defaults to <environment>.tfvars inside terraform-directory.", null, false, For.TERRAFORM),
    BACKEND_CONFIG("backend-config", "File passed to terraform init -backend-config.", null, false, For.TERRAFORM),
    MANIFEST_PREFIX("manifest-prefix", "SSM parameter prefix under which environment manifests are published.", "/adhoc", false),
    WAIT_TIMEOUT("wait-timeout", "Upper bound on every wait (e.g. 90s, 20m, 1h).", "20m", false, For.WAITS),
    HEALTH_CHECK_TIMEOUT("health-check-timeout", "For create: how long to wait for the URL to answer before warning (off to skip).", "5m", false, For.CREATE),
    COMMAND("command", "For run: the command to run in a one-off backend task, e.g. python manage.py createsuperuser --no-input.", null, false, For.RUN),
    OLDER_THAN("older-than", "For cleanup: destroy environments older than this (e.g. 36h, 7d).", null, false, For.CLEANUP),
    DRY_RUN("dry-run", "For cleanup: only list what would be destroyed.", "true", false, For.CLEANUP),
    STOP_IDLE_AFTER("stop-idle-after", "For cleanup: stop (scale to zero, not destroy) running environments with no deploy for this long (e.g. 12h); start brings them back.", null, false, For.CLEANUP),
    DATABASE("database", "How the environment's database and login role are created and dropped: task (a one-off ECS task), bastion (SSH) or none (no database is touched; the environment's secret is still kept).", "task", false, For.DATABASE),
    BASTION_HOST("bastion-host", "For database: bastion. Host (or host:port) of the SSH bastion; defaults to the shared stack's bastion.", null, false, For.DATABASE),
    BASTION_USER("bastion-user", "For database: bastion. SSH user on the bastion.", "ec2-user", false, For.DATABASE),
    SSH_PRIVATE_KEY("ssh-private-key", "For database: bastion. Private key (PEM/OpenSSH) for the bastion. Masked.", null, true, For.DATABASE),
    SSH_KNOWN_HOSTS("ssh-known-hosts", "For database: bastion. known_hosts lines for the bastion's host key; the key is always checked.", null, false, For.DATABASE),
    SSH_INSECURE_SKIP_HOST_KEY_CHECK("ssh-insecure-skip-host-key-check", "For database: bastion. Accept any bastion host key (unsafe; warns on every run).", "false", false, For.DATABASE),
    GITHUB_TOKEN("github-token", "Token for the pull-request comment and the GitHub deployment.", "${{ github.token }}", true, For.GITHUB),
    PULL_REQUEST("pull-request", "Pull request number to comment on, for workflow_dispatch runs; taken from the event on pull_request events.", null, false, For.PULL_REQUEST),
    GITHUB_DEPLOYMENT("github-deployment", "Record a GitHub deployment (with the URL) for the environment.", "true", false, For.GITHUB);

    private final String inputName;
    private final String description;
    private final String defaultValue;
    private final boolean secret;
    private final Set<Verb> verbs;

    /** An input every verb reads. */
    Input(String inputName, String description, String defaultValue, boolean secret) {
        this(inputName, description, defaultValue, secret, For.ALL);
    }

    Input(String inputName, String description, String defaultValue, boolean secret, Set<Verb> verbs) {
        this.inputName = inputName;
        this.description = description;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.verbs = Collections.unmodifiableSet(verbs);
    }

    /** Which verbs read this input: the flags {@code adhoc <verb> --help} lists. */
    private static final class For {
        static final Set<Verb> NONE = EnumSet.noneOf(Verb.class);
        static final Set<Verb> ALL = EnumSet.allOf(Verb.class);
        static final Set<Verb> WAITS = EnumSet.complementOf(EnumSet.of(Verb.LIST));
        static final Set<Verb> ONE_ENVIRONMENT = EnumSet.complementOf(EnumSet.of(Verb.LIST, Verb.CLEANUP));
        static final Set<Verb> CREATE = EnumSet.of(Verb.CREATE);
        static final Set<Verb> RUN = EnumSet.of(Verb.RUN);
        static final Set<Verb> CLEANUP = EnumSet.of(Verb.CLEANUP);
        static final Set<Verb> IMAGES = EnumSet.of(Verb.PLAN, Verb.CREATE, Verb.DEPLOY);
        static final Set<Verb> TERRAFORM = EnumSet.of(Verb.PLAN, Verb.CREATE, Verb.DESTROY, Verb.CLEANUP);
        // Cleanup destroys environments, and with them their databases, pull-request comments and deployments.
        static final Set<Verb> DATABASE = EnumSet.of(Verb.CREATE, Verb.DESTROY, Verb.CLEANUP);
        static final Set<Verb> GITHUB = EnumSet.of(Verb.CREATE, Verb.DEPLOY, Verb.DESTROY, Verb.STOP, Verb.START, Verb.CLEANUP);
        static final Set<Verb> PULL_REQUEST = EnumSet.of(Verb.CREATE, Verb.DEPLOY, Verb.DESTROY, Verb.STOP, Verb.START);
    }

    /** The name as users write it: in action.yml {@code with:}, and as a CLI flag after {@code --}. */
    public String inputName() {
        return inputName;
    }

    public String description() {
        return description;
    }

    /** The default documented in action.yml; GitHub expressions are resolved by GitHub, not here. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * The verbs that read this input: the flags {@code adhoc <verb> --help} lists, and exactly the
     * inputs the verb's options record holds (VerbOptionsTest); empty for {@code operation}, which
     * is the verb itself.
     */
    public Set<Verb> verbs() {
        return verbs;
    }

    /** Read as true or false (its default is one of them): a bare {@code --flag} means true. */
    public boolean isBoolean() {
        return defaultValue().map(d -> d.equals("true") || d.equals("false")).orElse(false);
    }

    /** Secrets are masked in the job log as soon as they are read. */
    public boolean secret() {
        return secret;
    }

    /** {@code INPUT_<NAME>}: upper-cased, hyphens kept, as the runner sets it. */
    public String environmentVariable() {
        return "INPUT_" + inputName.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    public static Optional<Input> byName(String name) {
        return Arrays.stream(values()).filter(i -> i.inputName.equals(name)).findFirst();
    }
}
