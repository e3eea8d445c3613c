package dev.adhoc.action.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the tests need that Maven cannot bring: terraform, the hashicorp/aws provider in an
 * offline mirror, and python3 with moto. Each is checked once per test JVM, on first use; a
 * missing one fails every test that needs it with the same one sentence saying how to install
 * it (and no stack trace), instead of a failure from deep inside a fixture. {@code scripts/test}
 * checks the same before the build.
 */
public final class Prerequisites {
    /** A prerequisite the machine lacks; the message is the whole story. */
    public static final class Missing extends RuntimeException {
        public Missing(String message) {
            super(message, null, false, false);
        }
    }

    /** A check's outcome: the thing found, or the sentence saying how to get it. */
    record Check<T>(T found, String missing) {
        static <T> Check<T> ok(T found) {
            return new Check<>(found, null);
        }

        static <T> Check<T> missing(String sentence) {
            return new Check<>(null, sentence);
        }

        T get() {
            if (missing != null) throw new Missing(missing);
            return found;
        }
    }

    // Each checked once, when first asked for (class initialisation is lazy and thread-safe).
    private static final class TerraformOnPath {
        static final Check<Path> CHECK = checkTerraform(System.getenv());
    }

    private static final class Mirror {
        static final Check<Path> CHECK = checkProviderMirror(System.getenv());
    }

    private static final class Moto {
        static final Check<String> CHECK = checkMoto(System.getenv());
    }

    private Prerequisites() {
    }

    /** The terraform on PATH, as the program finds it. */
    public static Path terraform() {
        return TerraformOnPath.CHECK.get();
    }

    /** The filesystem mirror holding the hashicorp/aws provider: {@code TF_PLUGIN_MIRROR}, else /opt/tf-plugins. */
    public static Path providerMirror() {
        return Mirror.CHECK.get();
    }

    /** The python that runs scripts/local-aws ({@code LOCAL_AWS_PYTHON}, else python3), able to import moto's server. */
    public static String python() {
        return Moto.CHECK.get();
    }

    static Check<Path> checkTerraform(Map<String, String> environment) {
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, "terraform");
            if (!Files.isExecutable(candidate)) continue;
            if (succeeds(List.of(candidate.toString(), "version"))) return Check.ok(candidate);
            return Check.missing(candidate + " does not run (`terraform version` fails): install terraform 1.11 or later"
                    + " from HashiCorp's releases and put it on PATH.");
        }
        return Check.missing("terraform is not on PATH: install terraform 1.11 or later from HashiCorp's releases"
                + " (on GitHub Actions: hashicorp/setup-terraform) and put it on PATH.");
    }

    static Check<Path> checkProviderMirror(Map<String, String> environment) {
        String configured = environment.get("TF_PLUGIN_MIRROR");
        Path mirror = Path.of(configured == null || configured.isBlank() ? "/opt/tf-plugins" : configured);
        Path aws = mirror.resolve("registry.terraform.io/hashicorp/aws");
        if (Files.isDirectory(aws) && list(aws).length > 0) return Check.ok(mirror);
        return Check.missing("The hashicorp/aws provider is not in the offline provider mirror " + mirror
                + " (TF_PLUGIN_MIRROR, default /opt/tf-plugins): fill it once, where the terraform registry is reachable, with"
                + " `terraform -chdir=terraform/modules/shared providers mirror " + mirror + "`, or point TF_PLUGIN_MIRROR at a mirror that has it.");
    }

    static Check<String> checkMoto(Map<String, String> environment) {
        String configured = environment.get("LOCAL_AWS_PYTHON");
        String python = configured == null || configured.isBlank() ? "python3" : configured;
        if (succeeds(List.of(python, "-c", "import moto.server"))) return Check.ok(python);
        return Check.missing(python + " cannot import moto's server (the local AWS the tests run on):"
                + " install python3 and then `python3 -m pip install 'moto[server]==5.2.1'` (or set LOCAL_AWS_PYTHON to a python that has it).");
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String[] list(Path dir) {
        String[] names = dir.toFile().list();
        return names == null ? new String[0] : names;
    }
}
