package dev.adhoc.action.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run operations against environments on the shared local AWS: each
 * test makes environments of its own (unique names) and starts from the default behaviour with
 * short modelled delays.
 */
public abstract class LocalEnvironmentTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    protected static LocalAws aws;
    protected static EnvironmentFixture fixture;

    @TempDir
    protected Path work;

    @BeforeAll
    static void startLocalAws() {
        aws = LocalAws.shared();
        fixture = new EnvironmentFixture(aws);
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @BeforeEach
    void resetLocalAws() {
        aws.resetBehaviour();
        aws.behaviour("{\"deploymentSeconds\": 0.5, \"taskSeconds\": 0.5}");
    }

    /** A new environment running v1, named {@code <prefix><n>-<suffix>}. */
    protected static String newEnvironment(String prefix) {
        String name = prefix + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        fixture.create(name, "v1");
        return name;
    }

    protected Program program() {
        return new Program(work, aws.processEnvironment());
    }
}
