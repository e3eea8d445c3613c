package dev.adhoc.action.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.testing.TerraformFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/iam/policy.json, the rendered example for those who manage IAM elsewhere (the local
 * emulator's account and IDs), denies every forbidden call too, in each hosted zone it names.
 */
class ExamplePolicyTest {
    @Test
    void theRenderedExampleDeniesEveryForbiddenCall() throws IOException {
        String document = Files.readString(TerraformFixture.repositoryRoot().resolve("examples/iam/policy.json"));
        IamPolicy policy = IamPolicy.parse(document);
        Matcher zones = Pattern.compile("hostedzone/([A-Za-z0-9]+)").matcher(document);

        int checked = 0;
        while (zones.find()) {
            List<ForbiddenCalls.Forbidden> forbidden = ForbiddenCalls.all("us-east-1", "123456789012", zones.group(1), "adhoc.test", "adhoc-local-state");
            assertThat(forbidden).filteredOn(call -> policy.evaluate(call.request()).allowed()).as("allowed in zone " + zones.group(1)).isEmpty();
            checked++;
        }
        assertThat(checked).as("hosted zones named by the example").isPositive();
    }
}
