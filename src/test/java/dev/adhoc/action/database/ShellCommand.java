package dev.adhoc.action.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An SSH exec request run as {@code /bin/sh -c COMMAND}, as OpenSSH runs it: the channel's
 * input is the process's standard input (end of file included), its output and error go back
 * on the channel, and its exit status ends the channel.
 */
final class ShellCommand implements Command {
    private final String command;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ShellCommand(String command, Path workingDirectory, Map<String, String> environment) {
        this.command = command;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        daemon("stdin", () -> copy(in, process.getOutputStream(), true));
        Thread stdout = daemon("stdout", () -> copy(process.getInputStream(), out, false));
        Thread stderr = daemon("stderr", () -> copy(process.getErrorStream(), err, false));
        // The exit status goes out only after all output did, as the client reads it as the end.
        daemon("exit", () -> {
            try {
                int status = process.waitFor();
                stdout.join();
                stderr.join();
                exit.onExit(status);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The client went away (or timed out): the command and whatever it started end with it. */
    @Override
    public void destroy(ChannelSession channel) {
        if (process == null) return;
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, "ssh-command-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copy(InputStream from, OutputStream to, boolean closeWhenDone) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // The channel or the process closed; nothing is left to carry.
        } finally {
            if (closeWhenDone) {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }
    }
}
