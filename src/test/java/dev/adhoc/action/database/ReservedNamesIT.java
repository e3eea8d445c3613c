package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adhoc.action.testing.LocalAws;
import dev.adhoc.action.testing.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Names that would make an environment's database or role PostgreSQL's own, the master user, or
 * an AWS name of the shared stack are refused by the operations with one error, having read only
 * the shared manifest: nothing in AWS (or terraform) is touched.
 */
class ReservedNamesIT {
    private static final String PREFIX = "/reserved" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private static LocalAws aws;

    @TempDir
    Path work;
    private Path terraformDirectory;

    @BeforeAll
    static void sharedStack() {
        aws = LocalAws.shared();
        try (SsmClient ssm = SsmClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            ssm.putParameter(r -> r.name(PREFIX + "/_shared").type(ParameterType.STRING).overwrite(true).value("""
                    {"name": "adhoc", "namePrefix": "adhoc", "reservedEnvironmentNames": ["admin", "dbadmin"],
                     "region": "us-east-1", "domain": "dev.example.com", "listenerArn": "arn:listener",
                     "database": {"host": "db.internal", "port": 5432, "username": "dbmaster", "masterSecretArn": ""}}
                    """));
        }
    }

    @BeforeEach
    void tfvars() throws Exception {
        terraformDirectory = Files.createDirectories(work.resolve("terraform/ad-hoc"));
        for (String name : new String[] {"admin", "dbmaster", "postgres", "template1"}) {
            Files.writeString(terraformDirectory.resolve(name + ".tfvars"), "");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "create,admin,is reserved by the shared stack adhoc",
            "destroy,admin,is reserved by the shared stack adhoc",
            "plan,admin,is reserved by the shared stack adhoc",
            "create,dbmaster,is the database server's master user",
            "destroy,dbmaster,is the database server's master user",
            "create,postgres,is reserved: the environment's database and role would be PostgreSQL's own",
            "destroy,template1,is reserved: the environment's database and role would be PostgreSQL's own"})
    void isRefusedWithOneErrorBeforeAnythingChanges(String operation, String environment, String why) {
        aws.clearCalls();
        Map<String, String> inputs = new HashMap<>(Map.of("operation", operation, "environment", environment,
                "terraform-directory", terraformDirectory.toString(), "manifest-prefix", PREFIX, "database", "none"));

        Program.Result result = new Program(work, aws.processEnvironment()).action(inputs);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output("failure-reason")).isEqualTo("invalid-input");
        assertThat(result.log().lines().filter(l -> l.startsWith("::error::"))).singleElement().asString()
                .contains("Environment name '" + environment + "' " + why).contains("Choose another");
        assertThat(aws.calls()).allSatisfy(call -> assertThat(call.action()).isEqualTo("GetParameter"));
        assertThat(work.resolve("terraform/ad-hoc/.terraform")).doesNotExist();
    }
}
