package dev.adhoc.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.config.CommandLine;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.github.GitHubConnection;
import dev.adhoc.action.operations.Context;
import dev.adhoc.action.operations.VerbOptions;
import dev.adhoc.action.runtime.Cancellation;
import dev.adhoc.action.runtime.JobLog;
import dev.adhoc.action.runtime.JobSummary;
import dev.adhoc.action.runtime.StepOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one entrypoint. Without arguments it is the GitHub Action (inputs from
 * {@code INPUT_<NAME>}); with arguments it is the CLI taking the same names as flags.
 */
public final class Main {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    // github-api reports its own retries through java.util.logging; the job log says what matters.
    // Held here because java.util.logging keeps loggers only weakly.
    private static final java.util.logging.Logger GITHUB_API_LOG = java.util.logging.Logger.getLogger("org.kohsuke.github");

    private final Map<String, String> processEnvironment;
    private final PrintStream out;
    private final Path workingDirectory;
    private final Clock clock;
    private final Cancellation cancellation;

    public Main(Map<String, String> processEnvironment, PrintStream out, Path workingDirectory, Clock clock) {
        this(processEnvironment, out, workingDirectory, clock, Cancellation.none());
    }

    public Main(Map<String, String> processEnvironment, PrintStream out, Path workingDirectory, Clock clock, Cancellation cancellation) {
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.out = out;
        this.workingDirectory = workingDirectory;
        this.clock = clock;
        this.cancellation = cancellation;
    }

    public static void main(String[] args) {
        GITHUB_API_LOG.setLevel(java.util.logging.Level.SEVERE);
        // SIGINT/SIGTERM (a cancelled workflow, Ctrl-C) end the run cleanly instead of killing it mid-apply.
        Cancellation cancellation = Cancellation.onSignals(System.err);
        int code = new Main(System.getenv(), System.out, Path.of("").toAbsolutePath(), Clock.systemUTC(), cancellation).run(args);
        System.exit(code);
    }

    public int run(String[] args) {
        // Start-up matters on every job: the JSON mapper and the SSM client (every operation's
        // first call reads a manifest) are built on the second core while inputs are read.
        CompletableFuture<ObjectMapper> json = CompletableFuture.supplyAsync(ObjectMapper::new);
        boolean githubActions = "true".equals(processEnvironment.get("GITHUB_ACTIONS"));
        JobLog log = new JobLog(out, githubActions);
        StepOutputs outputs = new StepOutputs(file("GITHUB_OUTPUT"));
        JobSummary summary = new JobSummary(file("GITHUB_STEP_SUMMARY"));
        Inputs inputs;
        try {
            if (args.length == 0) {
                inputs = Inputs.fromProcessEnvironment(processEnvironment);
                // Run bare at a terminal, the program says what it does rather than that an input is missing.
                if (!githubActions && inputs.given(Input.OPERATION).isEmpty()) {
                    out.print(CommandLine.overview());
                    return EXIT_USAGE;
                }
            } else {
                CommandLine command = CommandLine.parse(args, processEnvironment);
                switch (command.kind()) {
                    case HELP -> {
                        out.print(command.usage());
                        return 0;
                    }
                    case VERSION -> {
                        out.println("adhoc-action " + version());
                        return 0;
                    }
                    default -> { }
                }
                inputs = command.inputs();
            }
        } catch (AdhocFailure failure) {
            return fail(log, outputs, failure);
        }
        // Secrets are masked before anything else can print them.
        for (Input input : Input.values()) {
            if (input.secret()) inputs.given(input).ifPresent(log::mask);
        }
        try (AwsClients aws = new AwsClients(processEnvironment)) {
            CompletableFuture.runAsync(aws::ssm);
            Verb verb = Verb.parse(inputs.require(Input.OPERATION, "(plan, create, deploy, ...)"));
            // Every input the verb reads is checked here, before any AWS or GitHub call.
            VerbOptions options = VerbOptions.parse(verb, inputs, processEnvironment, json.join());
            Context context = new Context(verb, log, outputs, summary, aws, processEnvironment, workingDirectory, clock,
                    json.join(), cancellation, new GitHubConnection());
            return options.operation().run(context);
        } catch (RuntimeException e) {
            if (cancellation.requested()) return cancelled(log, outputs, e);
            return fail(log, outputs, failure(log, e));
        } finally {
            if (!githubActions) printForTerminal(summary);
        }
    }

    /** Any exception as the failure the user sees: what failed, why, what to do. */
    private static AdhocFailure failure(JobLog log, RuntimeException e) {
        if (e instanceof AdhocFailure failure) return failure;
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "" : aws.awsErrorDetails().errorCode();
            boolean denied = aws.statusCode() == 403 || String.valueOf(code).contains("AccessDenied") || String.valueOf(code).contains("Unauthorized");
            return new AdhocFailure(denied ? FailureReason.AWS_ACCESS_DENIED : FailureReason.AWS_ERROR, "An AWS call failed: "
                    + aws.getMessage() + (denied
                            ? " The role lacks a permission: compare it with examples/iam/policy.json."
                            : " Check the region and that the environment's resources still exist; rerun if AWS was unavailable."), aws);
        }
        if (e instanceof SdkException sdk) {
            return new AdhocFailure(FailureReason.AWS_UNREACHABLE, "Could not complete an AWS call: " + sdk.getMessage()
                    + " Check the network, AWS_REGION, the credentials and AWS_ENDPOINT_URL if set.", sdk);
        }
        log.group("Stack trace", () -> log.info(stackTrace(e)));
        return new AdhocFailure(FailureReason.INTERNAL_ERROR, "Unexpected error: " + e
                + ". This is a bug in adhoc-action; please report it with the log above.", e);
    }

    /** Cancelled by a signal: the operation has already reported what it did; the run ends non-zero. */
    private int cancelled(JobLog log, StepOutputs outputs, RuntimeException stopped) {
        cancellation.acknowledge();
        String signal = cancellation.signal().orElse("a signal");
        String how = stopped instanceof AdhocFailure failure ? " " + failure.getMessage() : "";
        log.error("The run was cancelled (" + signal + ")." + how + " What was done before it stopped is in the job summary; "
                + "run the same operation again to finish it.");
        outputs.set("failure-reason", FailureReason.CANCELLED.value());
        return cancellation.exitCode();
    }

    private int fail(JobLog log, StepOutputs outputs, AdhocFailure failure) {
        log.error(failure.getMessage());
        outputs.set("failure-reason", failure.reason());
        return failure.is(FailureReason.INVALID_INPUT) ? EXIT_USAGE : EXIT_FAILURE;
    }

    /** A terminal gets the summary as plain text; the Markdown form is for GitHub's job summary only. */
    private void printForTerminal(JobSummary summary) {
        String text = summary.text();
        if (!text.isBlank()) {
            out.println();
            out.print(text);
        }
    }

    private Optional<Path> file(String variable) {
        return Optional.ofNullable(processEnvironment.get(variable)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /**
     * The jar manifest's Implementation-Version; without a jar (jib's exploded classes, tests) the
     * version Maven wrote into version.properties; "dev" only when neither exists.
     */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        if (version != null) return version;
        try (InputStream resource = Main.class.getResourceAsStream("version.properties")) {
            if (resource == null) return "dev";
            Properties properties = new Properties();
            properties.load(resource);
            String filtered = properties.getProperty("version", "");
            return filtered.isBlank() || filtered.startsWith("${") ? "dev" : filtered;
        } catch (IOException e) {
            return "dev";
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
