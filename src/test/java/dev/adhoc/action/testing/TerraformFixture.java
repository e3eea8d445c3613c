package dev.adhoc.action.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository's terraform examples applied for real on the local AWS: a copy of
 * {@code examples/} and {@code terraform/} in a temporary directory (state and .terraform stay
 * out of the tree), the hashicorp/aws provider from the machine's offline mirror, then
 * examples/bootstrap and examples/shared applied with their local.tfvars.
 */
public final class TerraformFixture {
    private final Path root;
    private final Map<String, String> environment = new HashMap<>();

    private TerraformFixture(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment.putAll(environment);
    }

    /** Copies the examples and applies bootstrap and shared; takes a minute or two on the local AWS. */
    public static TerraformFixture applyShared(LocalAws aws, Path work) {
        // Both checked before anything is copied, so a missing one is its one sentence.
        Path mirror = Prerequisites.providerMirror();
        Prerequisites.terraform();
        try {
            Path repository = repositoryRoot();
            Path root = Files.createDirectories(work.resolve("tree"));
            copy(repository.resolve("examples"), root.resolve("examples"));
            copy(repository.resolve("terraform"), root.resolve("terraform"));
            Path rc = work.resolve("terraformrc");
            Files.writeString(rc, """
                    provider_installation {
                      filesystem_mirror {
                        path    = "%s"
                        include = ["registry.terraform.io/*/*"]
                      }
                      direct {
                        exclude = ["registry.terraform.io/*/*"]
                      }
                    }
                    """.formatted(mirror), StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>(aws.processEnvironment());
            env.put("PATH", System.getenv("PATH"));
            env.put("HOME", System.getenv().getOrDefault("HOME", "/root"));
            env.put("TF_CLI_CONFIG_FILE", rc.toString());
            env.put("TF_PLUGIN_CACHE_DIR", Files.createDirectories(work.resolve("plugin-cache")).toString());
            env.put("TF_IN_AUTOMATION", "1");
            env.put("CHECKPOINT_DISABLE", "1");
            TerraformFixture fixture = new TerraformFixture(root, env);
            fixture.terraform("examples/bootstrap", "init", "-input=false");
            fixture.terraform("examples/bootstrap", "apply", "-auto-approve", "-input=false", "-var-file=local.tfvars");
            fixture.terraform("examples/shared", "init", "-input=false", "-backend-config=local.backend.hcl");
            fixture.terraform("examples/shared", "apply", "-auto-approve", "-input=false", "-var-file=local.tfvars");
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the program needs besides the local AWS: terraform's configuration. */
    public Map<String, String> processEnvironment() {
        return Map.copyOf(environment);
    }

    public Path adHocDirectory() {
        return root.resolve("examples/ad-hoc");
    }

    /**
     * Another checkout of examples/ad-hoc (same backend, same modules), as each of several
     * concurrent workflow runs has its own: terraform's .terraform directory is per checkout.
     */
    public Path adHocCheckout(String name) {
        Path copy = root.resolve("examples/ad-hoc-" + name);
        try {
            if (!Files.isDirectory(copy)) copy(adHocDirectory(), copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs terraform in a directory of the copy; fails the test with its output if it fails. */
    public String terraform(String directory, String... args) {
        List<String> command = new ArrayList<>(List.of(Prerequisites.terraform().toString()));
        command.addAll(List.of(args));
        command.add("-no-color");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(directory).toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("terraform " + String.join(" ", args) + " in " + directory + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                String name = source.getFileName().toString();
                if (relative.toString().contains(".terraform") || name.endsWith(".tfstate") || name.endsWith(".tfstate.backup")) continue;
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target);
            }
        }
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
