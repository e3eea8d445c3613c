package dev.adhoc.action.github;

import java.io.IOException;
import java.time.Duration;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * The run's repository on GitHub, through the program's one github-api client: every exchange
 * has a deadline ({@link BoundedConnector}), and a rate or abuse limit fails the call instead of
 * being slept through, so no verb ever waits an hour for GitHub. The client is built on first
 * use; a repository that could not be reached is not asked again by this instance, which
 * {@link GitHubConnection} shares across the run.
 */
public final class GitHubRepository {
    /** How long one whole GitHub exchange may take. */
    public static final Duration CALL_DEADLINE = Duration.ofSeconds(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final GitHubSettings settings;
    private final Duration callDeadline;
    private GHRepository repository;
    private IOException unreachable;

    /** Needs a token and a repository in {@code settings} by the first call. */
    public GitHubRepository(GitHubSettings settings, Duration callDeadline) {
        this.settings = settings;
        this.callDeadline = callDeadline;
    }

    /** Whether pull request {@code number} is closed (merged or not); any failure to find out is thrown. */
    public synchronized boolean isPullRequestClosed(int number) throws IOException {
        return repository().getPullRequest(number).getState() == GHIssueState.CLOSED;
    }

    synchronized GHRepository repository() throws IOException {
        // One slow failure per run is enough.
        if (unreachable != null) throw unreachable;
        if (repository == null) {
            try {
                // Built on first use: the client's reflection-heavy setup costs nothing on runs that never call GitHub.
                GitHub github = new GitHubBuilder()
                        .withEndpoint(settings.apiUrl())
                        .withAppInstallationToken(settings.token().orElseThrow())
                        .withConnector(new BoundedConnector(CONNECT_TIMEOUT, callDeadline))
                        .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                        .build();
                repository = github.getRepository(settings.repository().orElseThrow());
            } catch (IOException e) {
                unreachable = e;
                throw e;
            }
        }
        return repository;
    }
}
