package dev.adhoc.action.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local AWS for tests: {@code scripts/local-aws} (moto plus a time-based model of ECS
 * deployments and one-off tasks, fault injection and a log of calls) run as a subprocess on a
 * free loopback port. Point the code under test at it with {@link #environment()}, exactly as
 * a user would point it at AWS with {@code AWS_ENDPOINT_URL}.
 *
 * <pre>{@code
 * try (LocalAws aws = LocalAws.start()) {
 *     aws.behaviour("{\"services\": {\"alpha-web\": {\"outcome\": \"ROLLBACK\"}}}");
 *     ... run the program with aws.processEnvironment() ...
 *     assertThat(aws.calls()).extracting(LocalAws.Call::action).doesNotContain("UpdateService");
 * }
 * }</pre>
 *
 * <p>Starting takes a second or two, so test classes may share one instance for the whole JVM
 * with {@link #shared()}; such tests should {@link #resetBehaviour()} and {@link #clearCalls()}
 * first and use names of their own (moto's state is not reset between tests).
 */
public final class LocalAws implements AutoCloseable {
    /**
     * One AWS API call received, its body parsed (JSON or form fields), {@code null} for binary
     * bodies; {@code request} holds method, host, path, query and an XML body (REST APIs).
     */
    public record Call(String service, String action, JsonNode body, JsonNode request) {}

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAws shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalAws(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts a new local AWS on a free loopback port and waits until it answers. */
    public static LocalAws start() {
        String python = Prerequisites.python();
        Path root = repositoryRoot();
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken before we bind it
            int port = freePort();
            Path log = root.resolve("target").resolve("local-aws-" + port + ".log");
            try {
                Files.createDirectories(log.getParent());
                Process process = new ProcessBuilder(python, root.resolve("scripts/local-aws").toString(), "--port", Integer.toString(port),
                        "--exit-on-stdin-eof") // its stdin is our pipe: if this JVM dies, so does it
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                LocalAws aws = new LocalAws(process, URI.create("http://127.0.0.1:" + port), log);
                try {
                    aws.awaitHealthy();
                    return aws;
                } catch (IllegalStateException e) {
                    aws.close();
                    failure = e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start scripts/local-aws", e);
            }
        }
        throw failure;
    }

    /** One instance for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalAws shared() {
        if (shared == null || !shared.process.isAlive()) {
            LocalAws started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-aws-shutdown"));
            shared = started;
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** An SDK client for this local AWS: its endpoint, us-east-1, the test credentials. */
    public <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    /** Environment variables that point an SDK, the AWS CLI or terraform at this local AWS. */
    public Map<String, String> processEnvironment() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", "us-east-1",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true");
    }

    /**
     * Merges a behaviour document into the current one, e.g.
     * {@code {"deploymentSeconds": 0.5, "services": {"alpha-web": {"outcome": "ROLLBACK"}},
     * "tasks": {"alpha-migrate": {"exitCode": 1, "logLines": ["boom"]}},
     * "faults": [{"service": "ecs", "action": "DescribeServices", "code": "ThrottlingException", "times": 2}]}}.
     * Faults are added to those already armed; see scripts/local-aws for every key.
     */
    public void behaviour(String json) {
        send("POST", "behaviour", json);
    }

    /** Back to the defaults: deployments complete, tasks exit 0, no faults. */
    public void resetBehaviour() {
        send("DELETE", "behaviour", null);
    }

    /** Every AWS API call received since the last {@link #clearCalls()}, oldest first. */
    public List<Call> calls() {
        try {
            JsonNode calls = JSON.readTree(send("GET", "calls", null));
            List<Call> result = new ArrayList<>();
            for (JsonNode call : calls) {
                result.add(new Call(call.path("service").asText(null), call.path("action").asText(null),
                        call.get("body"), call.get("request")));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clearCalls() {
        send("DELETE", "calls", null);
    }

    /** Stops the emulator and anything it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("scripts/local-aws exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/_local-aws/health")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting scripts/local-aws", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting scripts/local-aws", e);
            }
        }
        throw new IllegalStateException("scripts/local-aws did not answer within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/_local-aws/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " /_local-aws/" + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " /_local-aws/" + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The directory holding scripts/local-aws, found from the working directory upwards. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/local-aws"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no scripts/local-aws above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
