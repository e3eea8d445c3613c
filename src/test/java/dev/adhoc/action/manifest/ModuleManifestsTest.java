package dev.adhoc.action.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.manifest.SharedManifest.Bastion;
import dev.adhoc.action.manifest.SharedManifest.Database;
import dev.adhoc.action.manifest.SharedManifest.DbAdmin;
import dev.adhoc.action.manifest.SharedManifest.LoadBalancer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The manifests as the terraform modules write them ({@code jsonencode}: keys sorted, no spaces,
 * absent optionals as {@code null}) read into every field. The fixtures were produced by terraform's
 * {@code jsonencode} from the modules' manifest locals with sample values, plus the contract's
 * placement fields ({@code loadBalancer}, {@code loadBalancers}).
 */
class ModuleManifestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULES = Path.of("terraform/modules").toAbsolutePath();
    private static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/";
    private static final String ELB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:";
    private static final Network PRIVATE = new Network(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"), List.of("sg-0123456789abcdef0"),
            "DISABLED");

    @Test
    void theEnvironmentModulesManifestReadsIntoEveryField() {
        Manifest manifest = Manifest.parse(fixture("environment.json"), JSON);

        assertThat(manifest).isEqualTo(new Manifest(1, "pr-42", "https://pr-42.dev.example.com", "eu-west-1", "adhoc-pr-42",
                List.of("adhoc-pr-42-web", "adhoc-pr-42-worker", "adhoc-pr-42-beat", "adhoc-pr-42-frontend", "adhoc-pr-42-redis"),
                List.of("adhoc-pr-42-migrate", "adhoc-pr-42-collectstatic"),
                PRIVATE,
                Map.of("backend", ECR + "backend", "frontend", ECR + "frontend"),
                Optional.of(new Manifest.ExecTarget("adhoc-pr-42-web", "web")),
                OptionalInt.of(1042),
                Optional.of("preview-2")));
    }

    @Test
    void theSharedModulesManifestReadsIntoEveryField() {
        SharedManifest shared = SharedManifest.parse(fixture("shared.json"), JSON);

        assertThat(shared).isEqualTo(new SharedManifest("preview", "eu-west-1", "dev.example.com",
                ELB + "listener/app/preview/50dc6c495c0c9188/f2f7dc8efc522ab2",
                new Database("preview.cluster-abc.eu-west-1.rds.amazonaws.com", 5432, "dbmaster",
                        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1234-AbCdEf", 20, OptionalInt.of(405)),
                Optional.of(new Bastion("203.0.113.10", "ec2-user")),
                Optional.of(new DbAdmin("pv-admin", "pv-dbadmin", "psql",
                        new Network(PRIVATE.subnets(), List.of("sg-0fedcba9876543210"), "DISABLED"))),
                "pv",
                List.of("admin", "dbadmin", "dbmaster"),
                List.of(new LoadBalancer("preview", ELB + "loadbalancer/app/preview/50dc6c495c0c9188",
                                ELB + "listener/app/preview/50dc6c495c0c9188/f2f7dc8efc522ab2",
                                "preview-1234567890.eu-west-1.elb.amazonaws.com", "Z32O12XQLNTSW2"),
                        new LoadBalancer("preview-2", ELB + "loadbalancer/app/preview-2/6d0ecf831eec9f09",
                                ELB + "listener/app/preview-2/6d0ecf831eec9f09/a1b2c3d4e5f60718",
                                "preview-2-987654321.eu-west-1.elb.amazonaws.com", "Z32O12XQLNTSW2"))));
    }

    /** A field the module adds without the fixture following would go untested: the fixtures carry every one. */
    @Test
    void theFixturesCarryEveryFieldTheModulesWrite() throws IOException {
        assertThat(keys(fixture("environment.json"))).containsAll(moduleFields("environment", "manifest"));
        assertThat(keys(fixture("shared.json"))).containsAll(moduleFields("shared", "shared_manifest"));
    }

    @Test
    void fieldsANewerModuleAddsAreIgnoredAtEveryLevel() {
        String newer = fixture("environment.json")
                .replace("\"version\":1", "\"version\":1,\"healthCheckPath\":\"/up\"")
                .replace("\"container\":\"web\"", "\"container\":\"web\",\"shell\":\"bash\"")
                .replace("\"assignPublicIp\"", "\"ipv6\":true,\"assignPublicIp\"");
        assertThat(Manifest.parse(newer, JSON)).isEqualTo(Manifest.parse(fixture("environment.json"), JSON));

        String newerShared = fixture("shared.json")
                .replace("\"port\":5432", "\"port\":5432,\"engine\":\"postgres\"")
                .replace("\"zoneId\"", "\"weight\":1,\"zoneId\"")
                .replace("\"user\":\"ec2-user\"", "\"user\":\"ec2-user\",\"keyName\":\"ops\"")
                .replace("\"version\":1", "\"version\":1,\"tags\":{\"team\":\"web\"}");
        assertThat(SharedManifest.parse(newerShared, JSON)).isEqualTo(SharedManifest.parse(fixture("shared.json"), JSON));
    }

    @Test
    void absentAndNullOptionalFieldsTakeTheirDefaults() {
        Manifest manifest = Manifest.parse("""
                {"version": 1, "environment": "pr-1", "url": "https://pr-1.example.com", "cluster": "adhoc-pr-1",
                 "network": {}, "exec": null, "listenerRulePriority": null, "loadBalancer": " ", "region": null}
                """, JSON);
        assertThat(manifest).isEqualTo(new Manifest(1, "pr-1", "https://pr-1.example.com", "", "adhoc-pr-1", List.of(), List.of(),
                new Network(List.of(), List.of(), "DISABLED"), Map.of(), Optional.empty(), OptionalInt.empty(), Optional.empty()));

        // What the shared module writes without a bastion, and a dbadmin task whose container is not named.
        SharedManifest shared = SharedManifest.parse(fixture("shared.json")
                .replace("\"bastion\":{\"host\":\"203.0.113.10\",\"user\":\"ec2-user\"}", "\"bastion\":null")
                .replace("\"container\":\"psql\",", "")
                .replace("\"port\":5432,", "\"port\":null,"), JSON);
        assertThat(shared.bastion()).isEmpty();
        assertThat(shared.dbAdmin().orElseThrow().container()).isEqualTo("psql");
        assertThat(shared.database().port()).isEqualTo(5432);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String manifest = fixture("environment.json");
        assertThatThrownBy(() -> Manifest.parse(manifest.replace("\"environment\":\"pr-42\",", ""), JSON))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("missing field 'environment'");
        assertThatThrownBy(() -> Manifest.parse(manifest.replace("\"url\":\"https://pr-42.dev.example.com\"", "\"url\":null"), JSON))
                .hasMessage("missing field 'url'");
        assertThatThrownBy(() -> Manifest.parse(manifest.replace("\"container\":\"web\",", ""), JSON))
                .hasMessage("missing field 'container'");
        assertThatThrownBy(() -> Manifest.parse(manifest.replaceAll("\"network\":\\{[^}]*},", ""), JSON))
                .hasMessage("missing field 'network'");
        assertThatThrownBy(() -> Manifest.parse(manifest.replace("\"version\":1", "\"version\":2"), JSON))
                .hasMessage("manifest version 2 is not supported (this program reads version 1)");
        assertThatThrownBy(() -> Manifest.parse("{\"environment\": \"pr-42\"}", JSON))
                .hasMessage("manifest version 0 is not supported (this program reads version 1)");
        assertThatThrownBy(() -> Manifest.parse("{\"version\": 1,", JSON))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid JSON: ");

        String shared = fixture("shared.json");
        assertThatThrownBy(() -> SharedManifest.parse(shared.replaceAll("\"database\":\\{[^}]*},", ""), JSON))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("missing field 'database'");
        assertThatThrownBy(() -> SharedManifest.parse(shared.replace("\"username\":\"dbmaster\"", "\"username\":null"), JSON))
                .hasMessage("missing field 'username'");
        assertThatThrownBy(() -> SharedManifest.parse(shared.replace("\"host\":\"203.0.113.10\",", ""), JSON))
                .hasMessage("missing field 'host'");
        assertThatThrownBy(() -> SharedManifest.parse(shared.replace("\"taskDefinition\":\"pv-dbadmin\"", "\"taskDefinition\":null"), JSON))
                .hasMessage("missing field 'taskDefinition'");
        assertThatThrownBy(() -> SharedManifest.parse(shared.replace("\"name\":\"preview-2\",", ""), JSON))
                .hasMessage("missing field 'name'");
        assertThatThrownBy(() -> SharedManifest.parse("[]", JSON)).hasMessage("missing field 'database'");
    }

    private static String fixture(String name) {
        try (InputStream in = ModuleManifestsTest.class.getResourceAsStream("/manifest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every key, at every depth, of a JSON document. */
    private static Set<String> keys(String json) throws IOException {
        Set<String> keys = new HashSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(JSON.readTree(json)));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            node.fieldNames().forEachRemaining(keys::add);
            node.forEach(pending::add);
        }
        return keys;
    }

    /** The attribute names of a module's manifest local ({@code <local> = { ... }} in its manifest.tf), at every depth. */
    private static Set<String> moduleFields(String module, String local) throws IOException {
        String source = Files.readString(MODULES.resolve(module).resolve("manifest.tf"));
        Matcher block = Pattern.compile("(?ms)^  " + local + " = \\{\\n(.*?)^  }$").matcher(source);
        assertThat(block.find()).as("local %s in %s/manifest.tf", local, module).isTrue();
        Set<String> fields = new HashSet<>();
        Matcher field = Pattern.compile("(?m)^\\s+(\\w+)\\s+=").matcher(block.group(1));
        while (field.find()) fields.add(field.group(1));
        assertThat(fields).contains("version");
        return fields;
    }
}
