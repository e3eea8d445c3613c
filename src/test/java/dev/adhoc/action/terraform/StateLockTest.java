package dev.adhoc.action.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.AdhocFailure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateLockTest {
    private static String recorded(String name) throws Exception {
        try (InputStream in = StateLockTest.class.getResourceAsStream("/terraform/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheLockInfoFromTheS3BackendsBoxedMessage() throws Exception {
        StateLock lock = StateLock.find(recorded("state-lock-s3.txt")).orElseThrow();
        assertThat(lock).isEqualTo(new StateLock("a4c1e0f2-7d3b-4b8e-9f61-2c5d8e7a1b90", "acme-adhoc-state/env:/alpha/ad-hoc.tfstate",
                "OperationTypeApply", "runner@fv-az1234-567", "1.11.4", "2026-11-26 08:41:07.123456789 +0000 UTC"));
        assertThat(lock.operationName()).isEqualTo("apply");
    }

    @Test
    void readsTheLockInfoFromColouredOutput() throws Exception {
        String coloured = recorded("state-lock-local.txt").replace("Error:", "\u001B[31m\u001B[1mError: \u001B[0m")
                .replace("  ID:", "\u001B[0m  ID:");
        StateLock lock = StateLock.find(coloured).orElseThrow();
        assertThat(lock.id()).isEqualTo("69fe8696-22ca-9e7c-66e0-baa72d239734");
        assertThat(lock.who()).isEqualTo("root@vm");
        assertThat(lock.created()).isEqualTo("2026-11-26 09:16:14.401021772 +0000 UTC");
    }

    @Test
    void otherErrorsAreNotLocks() {
        assertThat(StateLock.find("Error: Invalid value for variable\n\nLock Info:\n  ID: x\n")).isEmpty();
    }

    @Test
    void theFailureSaysWhoSinceWhenAndHowToRelease() throws Exception {
        StateLock lock = StateLock.find(recorded("state-lock-s3.txt")).orElseThrow();
        AdhocFailure failure = lock.failure("terraform plan", Optional.of("alpha"), Path.of("/repo/terraform/ad-hoc"));
        assertThat(failure.reason()).isEqualTo("state-locked");
        assertThat(failure.getMessage()).isEqualTo("terraform plan could not start for environment 'alpha': the terraform state "
                + "is locked by runner@fv-az1234-567 (apply) since 2026-11-26 08:41:07.123456789 +0000 UTC, "
                + "lock ID a4c1e0f2-7d3b-4b8e-9f61-2c5d8e7a1b90. Another run is probably changing this environment: "
                + "wait for it to finish and retry. If no other run is active (it was cancelled or crashed), release the lock "
                + "in /repo/terraform/ad-hoc with 'terraform workspace select alpha' then "
                + "'terraform force-unlock a4c1e0f2-7d3b-4b8e-9f61-2c5d8e7a1b90'.");
    }

    @Test
    void aLockWithoutInfoStillExplains() {
        StateLock lock = StateLock.find("Error: Error acquiring the state lock\n\nError message: timeout\n").orElseThrow();
        assertThat(lock.failure("terraform apply", Optional.empty(), Path.of("/x")).getMessage())
                .contains("the terraform state is locked.").contains("'terraform force-unlock <ID>'");
    }
}
