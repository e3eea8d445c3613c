package dev.adhoc.action.fleet;

import java.io.IOException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/** {@link PullRequests} of one repository through GitHub's REST API ({@code GET /repos/{owner}/{repo}/pulls/{n}}). */
public final class GitHubPullRequests implements PullRequests {
    private final GitHub github;
    private final String repository;
    private GHRepository repo;

    public GitHubPullRequests(String apiUrl, String repository, String token) throws IOException {
        this.github = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token).build();
        this.repository = repository;
    }

    @Override
    public synchronized boolean isClosed(int number) throws IOException {
        if (repo == null) repo = github.getRepository(repository);
        return repo.getPullRequest(number).getState() == GHIssueState.CLOSED;
    }
}
