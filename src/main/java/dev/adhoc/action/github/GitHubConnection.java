package dev.adhoc.action.github;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's way to GitHub: one {@link GitHubRepository} per API URL, token and repository, built
 * when first asked for and shared by every publisher and pull-request lookup of the run, so a
 * GitHub that could not be reached is given up on once per run, not once per environment.
 */
public final class GitHubConnection {
    private final Duration callDeadline;
    private final Map<List<Object>, GitHubRepository> repositories = new HashMap<>();

    /** Each GitHub exchange bounded by {@link GitHubRepository#CALL_DEADLINE}. */
    public GitHubConnection() {
        this(GitHubRepository.CALL_DEADLINE);
    }

    public GitHubConnection(Duration callDeadline) {
        this.callDeadline = callDeadline;
    }

    /** The repository {@code settings} name, the same one for every caller of this run. */
    public synchronized GitHubRepository repository(GitHubSettings settings) {
        return repositories.computeIfAbsent(List.of(settings.apiUrl(), settings.token(), settings.repository()),
                key -> new GitHubRepository(settings, callDeadline));
    }
}
