package dev.adhoc.action.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One local AWS with examples/bootstrap and examples/shared applied, for every test class of the
 * JVM that runs environments through terraform: applying the shared stack takes minutes, an
 * environment's life on top of it much less. Classes use environment names of their own, and
 * {@link LocalAws#clearCalls()} before what they assert on; fast deployments and tasks are set
 * once here.
 */
public record SharedStack(LocalAws aws, TerraformFixture terraform, Path work) {
    private static SharedStack instance;

    /** The stack, applied on first use and torn down when the JVM exits. */
    public static synchronized SharedStack get() {
        if (instance == null) {
            LocalAws aws = LocalAws.start();
            try {
                Path work = Files.createTempDirectory("adhoc-shared-stack");
                aws.behaviour("{\"deploymentSeconds\": 0.3, \"taskSeconds\": 0.3}");
                SharedStack stack = new SharedStack(aws, TerraformFixture.applyShared(aws, work), work);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shared-stack-shutdown"));
                instance = stack;
            } catch (IOException e) {
                aws.close();
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                aws.close();
                throw e;
            }
        }
        return instance;
    }

    private void close() {
        aws.close();
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
