package dev.adhoc.action.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SharedManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD_STACK = """
            {"name": "adhoc", "region": "us-east-1", "domain": "dev.example.com", "listenerArn": "arn:listener",
             "database": {"host": "db.internal", "port": 5432, "username": "dbmaster", "masterSecretArn": "arn:secret"}}
            """;

    @Test
    void aStackFromBeforeTheNewFieldsReadsWithDefaults() {
        SharedManifest shared = SharedManifest.parse(OLD_STACK, JSON);
        assertThat(shared.namePrefix()).isEqualTo("adhoc");
        assertThat(shared.reservedEnvironmentNames()).isEmpty();
        assertThat(shared.loadBalancers()).isEmpty();
        assertThat(shared.database().connectionLimit()).isEqualTo(SharedManifest.Database.DEFAULT_CONNECTION_LIMIT);
        assertThat(shared.database().maxConnections()).isEmpty();
        assertThat(shared.listenerArn()).isEqualTo("arn:listener");
    }

    @Test
    void theConnectionLimitFallbackIsTheSharedModulesDefault() throws IOException {
        String variables = Files.readString(Path.of("terraform/modules/shared/variables.tf"));
        Matcher block = Pattern.compile("(?s)variable \"db_connection_limit_per_environment\" \\{.*?\n}").matcher(variables);
        assertThat(block.find()).as("db_connection_limit_per_environment in the shared module").isTrue();
        Matcher moduleDefault = Pattern.compile("(?m)^\\s*default\\s*=\\s*(\\d+)\\s*$").matcher(block.group());
        assertThat(moduleDefault.find()).as(block.group()).isTrue();
        assertThat(SharedManifest.Database.DEFAULT_CONNECTION_LIMIT).isEqualTo(Integer.parseInt(moduleDefault.group(1)));
    }

    @Test
    void readsPrefixReservedNamesDatabaseLimitsAndLoadBalancers() {
        SharedManifest shared = SharedManifest.parse("""
                {"name": "adhoc", "namePrefix": "pv", "reservedEnvironmentNames": ["admin", "shared"],
                 "listenerArn": "arn:l1",
                 "loadBalancers": [
                   {"name": "pv-1", "arn": "arn:lb1", "listenerArn": "arn:l1", "dnsName": "one.elb", "zoneId": "Z1"},
                   {"name": "pv-2", "arn": "arn:lb2", "listenerArn": "arn:l2", "dnsName": "two.elb", "zoneId": "Z2"}],
                 "database": {"host": "db", "port": 5433, "username": "dbmaster", "connectionLimit": 8, "maxConnections": 405}}
                """, JSON);
        assertThat(shared.namePrefix()).isEqualTo("pv");
        assertThat(shared.reservedEnvironmentNames()).containsExactly("admin", "shared");
        assertThat(shared.database().connectionLimit()).isEqualTo(8);
        assertThat(shared.database().maxConnections()).isEqualTo(OptionalInt.of(405));
        assertThat(shared.loadBalancers()).containsExactly(
                new SharedManifest.LoadBalancer("pv-1", "arn:lb1", "arn:l1", "one.elb", "Z1"),
                new SharedManifest.LoadBalancer("pv-2", "arn:lb2", "arn:l2", "two.elb", "Z2"));
    }

    @Test
    void aPrefixOrLimitOutsideTheModulesRulesIsAnInvalidManifest() {
        assertThatThrownBy(() -> SharedManifest.parse(OLD_STACK.replace("\"name\"", "\"namePrefix\": \"Bad/Prefix\", \"name\""), JSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namePrefix 'Bad/Prefix'");
        assertThatThrownBy(() -> SharedManifest.parse(OLD_STACK.replace("\"port\"", "\"connectionLimit\": 0, \"port\""), JSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionLimit 0");
    }

    @Test
    void refusesTheStacksReservedNamesAndTheMasterUser() {
        SharedManifest shared = SharedManifest.parse(OLD_STACK.replace("\"name\"", "\"reservedEnvironmentNames\": [\"admin\"], \"name\""), JSON);
        assertThatThrownBy(() -> shared.checkEnvironmentName(EnvironmentName.of("admin")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("invalid-input");
                    assertThat(f.getMessage()).isEqualTo("Environment name 'admin' is reserved by the shared stack adhoc: its AWS names"
                            + " (adhoc-admin) would collide with the stack's own. Choose another environment name.");
                });
        assertThatThrownBy(() -> shared.checkEnvironmentName(EnvironmentName.of("dbmaster")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage())
                        .startsWith("Environment name 'dbmaster' is the database server's master user"));
        for (String fine : List.of("pr-1", "admins", "dbmaster2")) {
            assertThatCode(() -> shared.checkEnvironmentName(EnvironmentName.of(fine))).doesNotThrowAnyException();
        }
    }
}
