package dev.adhoc.action.runtime;

import java.io.PrintStream;
import java.util.Optional;
import sun.misc.Signal;

/**
 * Whether the run was asked to stop. GitHub cancels a container step by sending SIGINT to the
 * container's main process (this JVM), then SIGTERM, then killing it. The first signal sets the
 * request and interrupts the thread doing the work: waits on ECS end at once, and a running
 * terraform is interrupted exactly once so it writes its state and releases its lock (see
 * {@code Terraform}). A second signal ends the process at once.
 *
 * <p>Only the real process installs handlers ({@link #onSignals}); in-process runs (tests) use
 * {@link #none()} or call {@link #request(String)}.
 */
public final class Cancellation {
    /** Exit code of a run cancelled by SIGINT, as a shell reports a process ended by it (128 + 2). */
    public static final int EXIT_INTERRUPTED = 130;
    /** Exit code of a run cancelled by SIGTERM (128 + 15). */
    public static final int EXIT_TERMINATED = 143;

    private final Thread worker;
    private final PrintStream err;
    private volatile String signal;

    private Cancellation(Thread worker, PrintStream err) {
        this.worker = worker;
        this.err = err;
    }

    /** A run nothing cancels except an explicit {@link #request}. */
    public static Cancellation none() {
        return new Cancellation(Thread.currentThread(), System.err);
    }

    /** Handles SIGINT and SIGTERM for the calling thread's run; the JVM's own handling (exit at once) is replaced. */
    public static Cancellation onSignals(PrintStream err) {
        Cancellation cancellation = new Cancellation(Thread.currentThread(), err);
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), s -> cancellation.request("SIG" + s.getName()));
        }
        return cancellation;
    }

    /** First call: the run stops what it is doing and reports itself cancelled. A second call halts the process. */
    public void request(String signalName) {
        synchronized (this) {
            if (signal == null) {
                signal = signalName;
                worker.interrupt();
                return;
            }
        }
        err.println("Second " + signalName + ": stopping at once.");
        err.flush();
        Runtime.getRuntime().halt(exitCode());
    }

    public boolean requested() {
        return signal != null;
    }

    /** The signal that cancelled the run, if one did. */
    public Optional<String> signal() {
        return Optional.ofNullable(signal);
    }

    /** 130 after SIGINT, 143 after SIGTERM. */
    public int exitCode() {
        return "SIGTERM".equals(signal) ? EXIT_TERMINATED : EXIT_INTERRUPTED;
    }

    /**
     * Clears the worker's interrupt once the run has stopped, so the report of what was done can
     * still be published (an interrupted thread cannot make HTTP calls).
     */
    public void acknowledge() {
        if (requested() && Thread.currentThread() == worker) Thread.interrupted();
    }
}
