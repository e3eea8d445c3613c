package dev.adhoc.action.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The event that started the workflow ({@code GITHUB_EVENT_NAME}, {@code GITHUB_EVENT_PATH}). */
public record GitHubEvent(String name, JsonNode payload) {

    public static GitHubEvent read(Map<String, String> processEnvironment, ObjectMapper mapper) {
        String name = processEnvironment.getOrDefault("GITHUB_EVENT_NAME", "");
        String path = processEnvironment.get("GITHUB_EVENT_PATH");
        JsonNode payload = mapper.createObjectNode();
        if (path != null && !path.isBlank() && Files.isRegularFile(Path.of(path))) {
            try {
                payload = mapper.readTree(Files.readString(Path.of(path)));
            } catch (IOException e) {
                // An unreadable event only loses the pull-request defaults; inputs still work.
                payload = mapper.createObjectNode();
            }
        }
        return new GitHubEvent(name, payload);
    }

    /** The pull request's number on pull_request and pull_request_target events. */
    public OptionalInt pullRequestNumber() {
        JsonNode number = payload.path("pull_request").path("number");
        if (number.isInt()) return OptionalInt.of(number.asInt());
        JsonNode top = payload.path("number");
        return name.startsWith("pull_request") && top.isInt() ? OptionalInt.of(top.asInt()) : OptionalInt.empty();
    }

    /** The pull request's head commit: what a deployment for a pull request is about (GITHUB_SHA is a merge commit there). */
    public Optional<String> pullRequestHeadSha() {
        JsonNode sha = payload.path("pull_request").path("head").path("sha");
        return sha.isTextual() && !sha.asText().isBlank() ? Optional.of(sha.asText()) : Optional.empty();
    }

    /** A pull request from a fork: its workflow token is read-only, so comments and deployments will be refused. */
    public boolean fromFork() {
        JsonNode pr = payload.path("pull_request");
        String head = pr.path("head").path("repo").path("full_name").asText("");
        String base = pr.path("base").path("repo").path("full_name").asText("");
        return !head.isEmpty() && !base.isEmpty() && !head.equalsIgnoreCase(base);
    }
}
