package dev.adhoc.action.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adhoc.action.text.Durations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The github-api client's transport, with a deadline on every whole exchange (headers and body):
 * a GitHub that hangs must cost the run seconds, not the job's timeout.
 */
final class BoundedConnector implements GitHubConnector {
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final Pattern DEPLOYMENT_STATUSES = Pattern.compile(".*/deployments/[0-9]+/statuses");
    private final ObjectMapper json = new ObjectMapper();

    private final HttpClient client;
    private final Duration deadline;

    BoundedConnector(Duration connectTimeout, Duration deadline) {
        // Redirects are not followed, so the token never travels to another host.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.deadline = deadline;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(deadline);
        } catch (URISyntaxException e) {
            throw new IOException("Invalid GitHub API URL " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() == null || RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) continue;
            builder.header(header.getKey(), String.join(", ", header.getValue()));
        }
        HttpRequest.BodyPublisher body = request.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(correctedBody(request))
                : HttpRequest.BodyPublishers.noBody();
        builder.method(request.method(), body);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(request, response.statusCode(), response.headers().map(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("GitHub did not answer within " + Durations.format(deadline) + ": " + request.method() + " "
                    + request.url().getPath());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw (InterruptedIOException) new InterruptedIOException("Interrupted while calling GitHub").initCause(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            throw new IOException("Calling GitHub failed: " + cause, cause);
        }
    }

    /**
     * github-api 1.330 writes every enum with hyphens, so GHDeploymentState.IN_PROGRESS goes out
     * as "in-progress", which GitHub rejects (it wants "in_progress"). Corrected here, on the one
     * request that carries it, so the rest of the client stays as it is.
     */
    private byte[] correctedBody(GitHubConnectorRequest request) throws IOException {
        byte[] body = request.body().readAllBytes();
        if (!"POST".equals(request.method()) || !DEPLOYMENT_STATUSES.matcher(request.url().getPath()).matches()) return body;
        JsonNode tree = json.readTree(body);
        if (tree instanceof ObjectNode object && "in-progress".equals(object.path("state").asText())) {
            object.put("state", "in_progress");
            return json.writeValueAsBytes(object);
        }
        return body;
    }

    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
