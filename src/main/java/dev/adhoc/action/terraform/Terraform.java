package dev.adhoc.action.terraform;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.text.Durations;
import dev.adhoc.action.text.ShellWords;
import dev.adhoc.action.runtime.JobLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The terraform CLI, run in one root directory. Every step streams terraform's output line by
 * line into the job log inside its own group ("terraform plan (alpha)"), so terraform's own
 * messages and exit codes reach the user unchanged; a failed step becomes an
 * {@link AdhocFailure} that names the step ({@code terraform-failed}), a held state lock
 * ({@code state-locked}) or a step that ran out of time ({@code terraform-timeout}).
 *
 * <p>Steps that work on one environment's state take its workspace name and run with
 * {@code TF_WORKSPACE} set to it, so they never act on whichever workspace happens to be
 * selected in the directory.
 */
public final class Terraform {
    /** Longest wait for a state lock held by another run; a lock held longer is reported, never broken. */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofSeconds(60);
    // After SIGTERM terraform stops its providers and releases the lock; this bounds how long that may take.
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    // A cancelled run (GitHub kills the container a few seconds after its signals) waits less.
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(20);
    // terraform runs in a session of its own, so a Ctrl-C in a terminal reaches only this program,
    // which interrupts terraform once: a second SIGINT makes terraform exit without saving its state.
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static final String PRIORITY_IN_USE = "PriorityInUse";

    private final Path executable;
    private final Path directory;
    private final Map<String, String> processEnvironment;
    private final JobLog log;
    private final Duration timeout;
    private final Duration lockTimeout;
    private final boolean color;
    private final Clock clock;

    /**
     * @param executable  the terraform binary
     * @param directory   the root module (terraform-directory)
     * @param processEnvironment the process environment passed to terraform (AWS_*, AWS_ENDPOINT_URL, TF_CLI_CONFIG_FILE, ...)
     * @param timeout     bound on each step (the wait-timeout)
     * @param lockTimeout how long a step waits for a state lock held by someone else
     * @param color       whether terraform may print colours (only when attached to a terminal)
     * @param clock       the run's clock, on which each step is timed
     */
    public Terraform(Path executable, Path directory, Map<String, String> processEnvironment, JobLog log, Duration timeout,
            Duration lockTimeout, boolean color, Clock clock) {
        this.executable = executable;
        this.directory = directory;
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.log = log;
        this.timeout = timeout;
        this.lockTimeout = lockTimeout;
        this.color = color;
        this.clock = clock;
    }

    /** A short lock wait rides out a lock held for a moment (a concurrent plan), without eating the wait-timeout. */
    public static Duration lockTimeoutFor(Duration waitTimeout) {
        Duration quarter = waitTimeout.dividedBy(4);
        if (quarter.compareTo(Duration.ofSeconds(1)) < 0) return Duration.ofSeconds(1);
        return quarter.compareTo(MAX_LOCK_TIMEOUT) > 0 ? MAX_LOCK_TIMEOUT : quarter;
    }

    /** The {@code terraform} found on the PATH of the given process environment, else the bare name (the OS looks it up). */
    public static Path executableOnPath(Map<String, String> processEnvironment) {
        String path = processEnvironment.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, "terraform");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return Path.of("terraform");
    }

    /** {@code terraform init -input=false [-backend-config=FILE]}. */
    public void init(Optional<Path> backendConfig) {
        List<String> args = new ArrayList<>(List.of("init", "-input=false"));
        noColor(args);
        backendConfig.ifPresent(file -> args.add("-backend-config=" + file));
        run(new Step("init", Optional.empty()), args, Optional.empty(), Set.of(0), null);
    }

    /** The workspaces of the configured backend. */
    public List<String> workspaces() {
        StringBuilder out = new StringBuilder();
        run(new Step("workspace list", Optional.empty()), List.of("workspace", "list"), Optional.empty(), Set.of(0), out::append);
        List<String> names = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            // The selected workspace is marked with "* ".
            String name = line.replaceFirst("^\\s*\\*?\\s*", "").strip();
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }

    public boolean workspaceExists(String name) {
        return workspaces().contains(name);
    }

    /** Selects the workspace, creating it first when it does not exist yet; idempotent. */
    public void selectOrCreateWorkspace(String name) {
        List<String> args = new ArrayList<>(List.of("workspace", "select", "-or-create=true"));
        noColor(args);
        args.add(name);
        run(new Step("workspace select", Optional.of(name)), args, Optional.empty(), Set.of(0), null);
    }

    /**
     * Deletes an empty workspace. terraform refuses to delete the selected workspace, so
     * {@code default} is selected first; a workspace still tracking resources is refused by
     * terraform (never forced: that would orphan the resources).
     */
    public void deleteWorkspace(String name) {
        if (name.equals("default")) throw new IllegalArgumentException("the default workspace cannot be deleted");
        List<String> select = new ArrayList<>(List.of("workspace", "select"));
        noColor(select);
        select.add("default");
        run(new Step("workspace select", Optional.of("default")), select, Optional.empty(), Set.of(0), null);
        List<String> args = new ArrayList<>(List.of("workspace", "delete", lockTimeoutArgument()));
        noColor(args);
        args.add(name);
        run(new Step("workspace delete", Optional.of(name)), args, Optional.empty(), Set.of(0), null);
    }

    /**
     * {@code terraform plan -out=planFile -detailed-exitcode} in the workspace.
     *
     * @return whether the plan has changes (terraform's exit code 2; 0 means none)
     */
    public boolean plan(String workspace, Path varFile, Map<String, String> variables, Path planFile) {
        List<String> args = new ArrayList<>(List.of("plan", "-input=false", lockTimeoutArgument(), "-detailed-exitcode"));
        noColor(args);
        args.add("-var-file=" + varFile);
        variables(args, variables);
        args.add("-out=" + planFile);
        int exit = run(new Step("plan", Optional.of(workspace)), args, Optional.of(workspace),
                Set.of(0, 2), null);
        return exit == 2;
    }

    /** {@code terraform show -json planFile}: the plan as JSON (not logged: it holds every planned value). */
    public String showJson(String workspace, Path planFile) {
        StringBuilder out = new StringBuilder();
        run(new Step("show", Optional.of(workspace)), List.of("show", "-json", "-no-color", planFile.toString()),
                Optional.of(workspace), Set.of(0), out::append);
        return out.toString();
    }

    /** Applies exactly the saved plan: what was planned and shown is what changes. */
    public void apply(String workspace, Path planFile) {
        List<String> args = new ArrayList<>(List.of("apply", "-input=false", lockTimeoutArgument()));
        noColor(args);
        args.add(planFile.toString());
        run(new Step("apply", Optional.of(workspace)), args, Optional.of(workspace), Set.of(0), null);
    }

    /** {@code terraform destroy -auto-approve} in the workspace. */
    public void destroy(String workspace, Path varFile, Map<String, String> variables) {
        List<String> args = new ArrayList<>(List.of("destroy", "-auto-approve", "-input=false", lockTimeoutArgument()));
        noColor(args);
        args.add("-var-file=" + varFile);
        variables(args, variables);
        run(new Step("destroy", Optional.of(workspace)), args, Optional.of(workspace), Set.of(0), null);
    }

    /** {@code terraform output -json name}: the output's value as JSON text (not logged). */
    public String output(String workspace, String name) {
        StringBuilder out = new StringBuilder();
        run(new Step("output", Optional.of(workspace)), List.of("output", "-json", "-no-color", name),
                Optional.of(workspace), Set.of(0), out::append);
        return out.toString().strip();
    }

    private String lockTimeoutArgument() {
        return "-lock-timeout=" + Math.max(1, lockTimeout.toSeconds()) + "s";
    }

    private void noColor(List<String> args) {
        if (!color) args.add("-no-color");
    }

    private static void variables(List<String> args, Map<String, String> variables) {
        // Sorted so the logged command line is stable from run to run.
        new java.util.TreeMap<>(variables).forEach((name, value) -> {
            args.add("-var");
            args.add(name + "=" + value);
        });
    }

    /** One terraform step, as named in the log group and in a failure. */
    record Step(String command, Optional<String> workspace) {
        String title() {
            return "terraform " + command + workspace.map(w -> " (" + w + ")").orElse("");
        }

        String what() {
            return "terraform " + command;
        }
    }

    /**
     * Runs terraform; stdout goes to {@code capture} when given (data, not logged), else to the
     * log like stderr. Returns the exit code when it is one of {@code success}. {@code workspace}
     * becomes {@code TF_WORKSPACE}; it is empty for the workspace commands, which refuse to run
     * under that override.
     */
    private int run(Step step, List<String> args, Optional<String> workspace, Set<Integer> success, Consumer<String> capture) {
        List<String> command = new ArrayList<>();
        // Only for a terraform that exists, so a missing one still fails to start with its own message.
        if (Files.isExecutable(SETSID) && Files.isExecutable(executable)) command.add(SETSID.toString());
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> variables = builder.environment();
        variables.clear();
        variables.putAll(terraformProcessEnvironment(workspace));
        StringBuffer text = new StringBuffer();
        log.startGroup(step.title());
        Instant started = clock.instant();
        Process process = null;
        Thread out = null;
        Thread err = null;
        try {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("interrupted before " + step.what());
            log.info("$ terraform " + ShellWords.join(args));
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AdhocFailure(FailureReason.TERRAFORM_MISSING, "Cannot run terraform (" + executable + "): " + e.getMessage()
                        + ". Install terraform 1.11 or newer and put it on the PATH.", e);
            }
            process.getOutputStream().close();
            out = pump(process.getInputStream(), line -> {
                if (capture != null) {
                    capture.accept(line);
                    capture.accept("\n");
                } else {
                    text.append(line).append('\n');
                    log.info(line);
                }
            });
            err = pump(process.getErrorStream(), line -> {
                text.append(line).append('\n');
                log.info(line);
            });
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                stop(process, STOP_GRACE);
                out.join(STOP_GRACE.toMillis());
                err.join(STOP_GRACE.toMillis());
                throw new AdhocFailure(FailureReason.TERRAFORM_TIMEOUT, step.what() + " did not finish within "
                        + Durations.format(timeout) + step.workspace().map(w -> " for environment '" + w + "'").orElse("")
                        + " and was stopped; see the '" + step.title() + "' group above. Raise wait-timeout if it needs longer.");
            }
            out.join();
            err.join();
            int exit = process.exitValue();
            log.info("(exit " + exit + " after " + Durations.format(Duration.between(started, clock.instant())) + ")");
            if (success.contains(exit)) return exit;
            throw failure(step, exit, text.toString());
        } catch (InterruptedException e) {
            throw interrupted(step, process, out, err, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            log.endGroup();
        }
    }

    private Map<String, String> terraformProcessEnvironment(Optional<String> workspace) {
        Map<String, String> variables = new HashMap<>(processEnvironment);
        // The workspace is this program's choice, never an inherited one.
        variables.remove("TF_WORKSPACE");
        workspace.ifPresent(w -> variables.put("TF_WORKSPACE", w));
        variables.put("TF_IN_AUTOMATION", "1");
        variables.put("TF_INPUT", "0");
        return variables;
    }

    private AdhocFailure failure(Step step, int exit, String text) {
        Optional<StateLock> lock = StateLock.find(text);
        if (lock.isPresent()) return lock.get().failure(step.what(), step.workspace(), directory);
        String where = step.workspace().map(w -> " for environment '" + w + "'").orElse(" in " + directory);
        String reason = TerraformText.firstError(text).map(e -> ": " + e).orElse("");
        // ELB's error code when another environment's apply took the same listener rule priority first.
        if (text.contains(PRIORITY_IN_USE)) {
            return new AdhocFailure(FailureReason.PRIORITY_IN_USE, step.what() + " failed" + where + ": another environment took the same "
                    + "listener rule priorities at the same time (" + PRIORITY_IN_USE + "); see the '" + step.title() + "' group above.");
        }
        return new AdhocFailure(FailureReason.TERRAFORM_FAILED, step.what() + " failed (exit " + exit + ")" + where + reason
                + "; see the '" + step.title() + "' group above for terraform's message.");
    }

    /**
     * Interrupts terraform as Ctrl-C would: on SIGINT it stops its providers and provisioners,
     * writes the state and releases the lock (SIGTERM would kill it on the spot, lock held).
     * Whatever is still running after the grace period is killed.
     */
    private static boolean stop(Process process, Duration grace) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        interrupt(process);
        boolean stopped = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        if (!stopped) {
            process.destroyForcibly();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Providers or provisioner commands terraform left behind would outlive this run.
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return stopped;
    }

    /**
     * This run was interrupted (cancelled) while terraform ran: terraform is interrupted once and
     * given {@link #CANCEL_GRACE} to write its state and release the lock, its last words logged.
     */
    private AdhocFailure interrupted(Step step, Process process, Thread out, Thread err, InterruptedException cause) {
        String what = step.what() + step.workspace().map(w -> " for environment '" + w + "'").orElse("");
        if (process == null) return new AdhocFailure(FailureReason.INTERRUPTED, what + " did not start: the run was interrupted.", cause);
        boolean stopped;
        try {
            log.info("Interrupting terraform (SIGINT) so it saves its state and releases the lock; waiting up to "
                    + Durations.format(CANCEL_GRACE) + ".");
            stopped = stop(process, CANCEL_GRACE);
            if (out != null) out.join(STOP_GRACE.toMillis());
            if (err != null) err.join(STOP_GRACE.toMillis());
        } catch (InterruptedException again) {
            process.destroyForcibly();
            stopped = false;
        }
        Thread.currentThread().interrupt();
        return new AdhocFailure(FailureReason.INTERRUPTED, what + (stopped
                ? " was interrupted; terraform saved its state and released the lock (exit " + process.exitValue() + ")."
                : " was interrupted and did not stop within " + Durations.format(CANCEL_GRACE)
                        + ", so it was killed: its state lock may still be held."), cause);
    }

    // Java has no API for SIGINT; the shell's builtin kill is present wherever terraform runs.
    private static void interrupt(Process process) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -INT \"$1\"", "sh", Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) return;
        } catch (IOException e) {
            // Fall through to SIGTERM.
        }
        process.destroy();
    }

    private static Thread pump(InputStream stream, Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) lines.accept(line);
            } catch (IOException e) {
                // The process was stopped; what was read has been logged.
            }
        }, "terraform-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
