package dev.adhoc.action.operations;

import dev.adhoc.action.text.Durations;
import dev.adhoc.action.util.Backoff;
import dev.adhoc.action.util.Poll;
import dev.adhoc.action.runtime.JobLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until the environment's URL answers, the last step of {@code create}: a new host name
 * needs DNS to propagate and targets to turn healthy. Any status below 500 counts as answering
 * (a login redirect or a 404 still proves the route); a non-answer within the bound is a
 * warning with the last thing seen, never a hang and never a failed run.
 */
final class UrlCheck {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Poll poll;
    private final JobLog log;

    UrlCheck(JobLog log, Poll poll) {
        this.log = log;
        this.poll = poll;
    }

    /** Returns the status that answered, or empty after a warning. */
    Optional<Integer> await(String url, Duration bound) {
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        try {
            Optional<Integer> answered = poll.untilPresent(() -> answer(url, lastSeen), poll.deadline(bound),
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)));
            if (answered.isPresent()) {
                log.info(url + " answers (HTTP " + answered.get() + ")");
                return answered;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        log.warning(url + " did not answer within " + Durations.format(bound) + " (last seen: " + lastSeen.get()
                + "). The services are running; DNS or the load balancer's health checks may still be settling.");
        return Optional.empty();
    }

    /** One request: the status if it is an answer, else empty with what was seen instead. */
    private Optional<Integer> answer(String url, AtomicReference<String> lastSeen) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .method("GET", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() < 500) return Optional.of(response.statusCode());
            lastSeen.set("HTTP " + response.statusCode());
        } catch (IOException e) {
            lastSeen.set(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return Optional.empty();
    }
}
