package dev.adhoc.action.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import dev.adhoc.action.config.Verb;
import dev.adhoc.action.model.EnvironmentName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each verb's options record holds exactly the inputs {@link Input} lists for the verb (the flags
 * its {@code --help} shows), and only the parsing code reads {@link Inputs}.
 */
class VerbOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    private static final String OTHER_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";

    /** Two valid values per input: every input is given, so every verb's parse reads all it can. */
    private static final Map<Input, List<String>> VALUES = values();

    private static Map<Input, List<String>> values() {
        Map<Input, List<String>> values = new EnumMap<>(Input.class);
        values.put(Input.ENVIRONMENT, List.of("alpha", "beta"));
        values.put(Input.BACKEND_IMAGE_TAG, List.of("v1", "v2"));
        values.put(Input.FRONTEND_IMAGE_TAG, List.of("v1", "v2"));
        values.put(Input.TERRAFORM_DIRECTORY, List.of("terraform/ad-hoc", "infra"));
        values.put(Input.VAR_FILE, List.of("preview.tfvars", "other.tfvars"));
        values.put(Input.BACKEND_CONFIG, List.of("backend.hcl", "other.hcl"));
        values.put(Input.MANIFEST_PREFIX, List.of("/adhoc", "/other"));
        values.put(Input.WAIT_TIMEOUT, List.of("20m", "30m"));
        values.put(Input.HEALTH_CHECK_TIMEOUT, List.of("5m", "off"));
        values.put(Input.COMMAND, List.of("python manage.py check", "python manage.py migrate"));
        values.put(Input.OLDER_THAN, List.of("7d", "36h"));
        values.put(Input.DRY_RUN, List.of("true", "false"));
        values.put(Input.STOP_IDLE_AFTER, List.of("12h", "1d"));
        values.put(Input.DATABASE, List.of("bastion", "none"));
        values.put(Input.BASTION_HOST, List.of("bastion.example.com", "203.0.113.7:2222"));
        values.put(Input.BASTION_USER, List.of("ec2-user", "admin"));
        values.put(Input.SSH_PRIVATE_KEY, List.of(KEY, OTHER_KEY));
        values.put(Input.SSH_KNOWN_HOSTS, List.of("bastion.example.com ssh-ed25519 AAAAC3Nza1", "bastion.example.com ssh-ed25519 AAAAC3Nza2"));
        values.put(Input.SSH_INSECURE_SKIP_HOST_KEY_CHECK, List.of("false", "true"));
        values.put(Input.GITHUB_TOKEN, List.of("token-one", "token-two"));
        values.put(Input.PULL_REQUEST, List.of("7", "8"));
        values.put(Input.GITHUB_DEPLOYMENT, List.of("true", "false"));
        return values;
    }

    @Test
    void everyInputHasTwoValuesHere() {
        assertThat(VALUES.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(Input.values()).filter(input -> input != Input.OPERATION).toList());
    }

    @ParameterizedTest
    @EnumSource(Verb.class)
    void aVerbsOptionsChangeWithExactlyTheInputsItLists(Verb verb) {
        VerbOptions base = parse(verb, given(Map.of()));
        List<Input> read = new ArrayList<>();
        for (Input input : VALUES.keySet()) {
            VerbOptions changed = parse(verb, given(Map.of(input, VALUES.get(input).get(1))));
            if (!changed.equals(base)) read.add(input);
        }
        assertThat(read).as("the inputs %s's options hold", verb.id()).containsExactlyElementsOf(verb.inputs());
    }

    @Test
    void cleanupDestroysAndStopsEachEnvironmentWithTheOptionsDestroyAndStopWouldHave() {
        Inputs inputs = given(Map.of()).forVerb(Verb.CLEANUP);
        CleanupOptions cleanup = (CleanupOptions) parse(Verb.CLEANUP, inputs);
        Inputs forGamma = inputs.with(Input.ENVIRONMENT, "gamma");

        assertThat(cleanup.destroy(EnvironmentName.of("gamma"))).isEqualTo(parse(Verb.DESTROY, forGamma));
        assertThat(cleanup.stop(EnvironmentName.of("gamma"))).isEqualTo(parse(Verb.STOP, forGamma));
    }

    @Test
    void cleanupOnAPullRequestEventGivesEachEnvironmentThePullRequestItsNameSays(@TempDir Path directory) throws IOException {
        Path event = Files.writeString(directory.resolve("event.json"), "{\"action\":\"synchronize\",\"number\":12,\"pull_request\":{\"number\":12}}");
        CleanupOptions cleanup = (CleanupOptions) VerbOptions.parse(Verb.CLEANUP, Inputs.of(Map.of(Input.OLDER_THAN, "7d")),
                Map.of("GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", event.toString()), JSON);
        assertThat(cleanup.github().pullRequest()).hasValue(12);

        assertThat(cleanup.destroy(EnvironmentName.of("pr-7")).github().pullRequest()).hasValue(7);
        assertThat(cleanup.stop(EnvironmentName.of("pr-7")).github().pullRequest()).hasValue(7);
        assertThat(cleanup.destroy(EnvironmentName.of("gamma")).github().pullRequest()).isEmpty();
        assertThat(cleanup.stop(EnvironmentName.of("gamma")).github().pullRequest()).isEmpty();
    }

    @Test
    void theEnvironmentDefaultsToThePullRequestsOnPullRequestEventsOnly(@TempDir Path directory) throws IOException {
        Path event = Files.writeString(directory.resolve("event.json"), "{\"action\":\"synchronize\",\"number\":12,\"pull_request\":{\"number\":12}}");
        Inputs noEnvironment = Inputs.of(Map.of(Input.BACKEND_IMAGE_TAG, "v2"));

        DeployOptions onPullRequest = (DeployOptions) VerbOptions.parse(Verb.DEPLOY, noEnvironment,
                Map.of("GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", event.toString()), JSON);
        assertThat(onPullRequest.environment()).isEqualTo(EnvironmentName.of("pr-12"));
        assertThat(onPullRequest.github().pullRequest()).hasValue(12);

        assertThatThrownBy(() -> VerbOptions.parse(Verb.DEPLOY, noEnvironment, Map.of(), JSON))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage()).isEqualTo(
                        "Input 'environment' is required for deploy (it defaults to pr-<number> only on pull_request events)."));
    }

    /** Bad input is refused while parsing, with the message the user sees, before any AWS or GitHub call could happen. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deploy  | environment=Alpha!, backend-image-tag=v2 | Environment name 'Alpha!' is not valid",
        "deploy  | environment=alpha, backend-image-tag=no spaces | Image tag 'no spaces' is not valid",
        "deploy  | environment=alpha | deploy needs backend-image-tag, frontend-image-tag or both",
        "create  | environment=alpha, wait-timeout=soon | Input 'wait-timeout' is 'soon', not a duration",
        "create  | environment=alpha, health-check-timeout=soon | Input 'health-check-timeout' is 'soon', not a duration",
        "create  | environment=alpha, database=ssh | Input 'database' is 'ssh'; use one of bastion, task, none.",
        "destroy | environment=alpha, database=bastion | Input 'ssh-private-key' is required for database: bastion",
        "run     | environment=alpha | Input 'command' is required for run",
        "run     | environment=alpha, command=echo 'unclosed | Input 'command' ",
        "cleanup | dry-run=false | Input 'older-than' is required for cleanup",
        "cleanup | older-than=7d, dry-run=maybe | Input 'dry-run' must be true or false, not 'maybe'.",
        "cleanup | older-than=7d, wait-timeout=soon | Input 'wait-timeout' is 'soon', not a duration",
    })
    void badInputIsRefusedWhileParsing(String verb, String given, String message) {
        Map<Input, String> values = new EnumMap<>(Input.class);
        for (String pair : given.split(", ")) {
            int eq = pair.indexOf('=');
            values.put(Input.byName(pair.substring(0, eq)).orElseThrow(), pair.substring(eq + 1));
        }
        assertThatThrownBy(() -> parse(Verb.parse(verb), Inputs.of(values))).isInstanceOfSatisfying(AdhocFailure.class, f -> {
            assertThat(f.reason()).isEqualTo("invalid-input");
            assertThat(f.getMessage()).startsWith(message);
        });
    }

    @Test
    void onlyTheParsingCodeReadsInputs() throws IOException {
        Path sources = Path.of("src/main/java/dev/adhoc/action");
        List<String> readers;
        try (Stream<Path> files = Files.walk(sources)) {
            readers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains("dev.adhoc.action.config.Input"))
                    .map(file -> sources.relativize(file).toString())
                    .toList();
        }
        assertThat(readers).isNotEmpty().allSatisfy(file -> assertThat(
                file.equals("Main.java") || file.startsWith("config/") || file.endsWith("Options.java"))
                .as("%s reads Inputs, but only Main, config and the *Options records may", file).isTrue());
    }

    private static VerbOptions parse(Verb verb, Inputs inputs) {
        return VerbOptions.parse(verb, inputs, Map.of(), JSON);
    }

    /** Every input at its first value, except {@code changed}. */
    private static Inputs given(Map<Input, String> changed) {
        Map<Input, String> values = new EnumMap<>(Input.class);
        VALUES.forEach((input, both) -> values.put(input, both.get(0)));
        values.putAll(changed);
        return Inputs.of(values);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
