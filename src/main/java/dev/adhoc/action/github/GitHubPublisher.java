package dev.adhoc.action.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.model.EnvironmentName;
import dev.adhoc.action.report.CommentMarkdown;
import dev.adhoc.action.report.EnvironmentReport;
import dev.adhoc.action.report.EnvironmentReport.State;
import dev.adhoc.action.runtime.JobLog;
import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHDeploymentState;
import org.kohsuke.github.GHDeploymentStatusBuilder;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;

/**
 * Shows an operation on GitHub: one sticky comment per environment on the pull request and a
 * GitHub deployment whose URL appears in the pull request. GitHub problems never change an
 * operation's outcome: each call logs at most one warning naming what was not done and the
 * permission it needs, and a part that failed is not tried again in the same run.
 */
public final class GitHubPublisher {
    /** What is published, and the permission each needs. */
    private enum Part {
        COMMENT("update the pull-request comment", "pull-requests: write"),
        DEPLOYMENT("record the GitHub deployment", "deployments: write");

        final String what;
        final String permission;

        Part(String what, String permission) {
            this.what = what;
            this.permission = permission;
        }
    }

    private final GitHubSettings settings;
    private final JobLog log;
    private final GitHubRepository github;
    private final Set<Part> givenUp = EnumSet.noneOf(Part.class);
    private boolean explained;
    private GHIssueComment comment;
    private GHDeployment deployment;

    /** {@code github} is the repository {@code settings} name, shared with the rest of the run. */
    public GitHubPublisher(GitHubSettings settings, JobLog log, GitHubRepository github) {
        this.settings = settings;
        this.log = log;
        this.github = github;
        // First thing: the token must never be printed, whatever fails later.
        settings.token().ifPresent(log::mask);
    }

    /** The publisher for this process: GITHUB_* variables, the event, and the GitHub options, through the run's connection. */
    public static GitHubPublisher fromProcessEnvironment(Map<String, String> processEnvironment, GitHubOptions options, JobLog log, ObjectMapper json,
            GitHubConnection connection) {
        options.token().ifPresent(log::mask);
        GitHubSettings settings = GitHubSettings.from(processEnvironment, options, json);
        return new GitHubPublisher(settings, log, connection.repository(settings));
    }

    /** The operation started: the comment says "deploying", a deployment is created and marked in progress. */
    public synchronized void begin(EnvironmentReport deploying) {
        EnvironmentReport report = withRun(deploying);
        publish(report, onPullRequest(() -> upsertComment(report)), () -> {
            deployment = createDeployment(report);
            status(deployment, GHDeploymentState.IN_PROGRESS, report).create();
        });
    }

    /**
     * The operation ended: the same comment shows the result; the deployment (the one from
     * {@link #begin}, or a new one) gets success with the URL, or failure. STOPPED marks the
     * environment's deployments inactive (its URL no longer answers) without creating one.
     */
    public synchronized void complete(EnvironmentReport finished) {
        EnvironmentReport result = withRun(finished);
        publish(result, onPullRequest(() -> upsertComment(result)), () -> {
            switch (result.state()) {
                case READY -> status(current(result), GHDeploymentState.SUCCESS, result).create();
                case FAILED -> status(current(result), GHDeploymentState.FAILURE, result).create();
                case CANCELLED -> status(current(result), GHDeploymentState.ERROR, result).create();
                case DEPLOYING -> status(current(result), GHDeploymentState.IN_PROGRESS, result).create();
                case STOPPED, DESTROYED -> deactivateAll(result);
            }
        });
    }

    /**
     * The environment is gone: its comment becomes a short "destroyed" note and every deployment
     * of the environment is marked inactive. Without a known pull request, a {@code pr-<n>}
     * environment's existing comment is still found (a destroy run on a schedule), never created.
     */
    public synchronized void destroyed(EnvironmentReport report) {
        EnvironmentReport gone = withRun(report.state() == State.DESTROYED ? report : report.toBuilder().state(State.DESTROYED).build());
        OptionalInt pr = EnvironmentName.pullRequestNumber(gone.environment());
        Call commentCall = settings.pullRequest().isPresent() ? () -> upsertComment(gone)
                : pr.isPresent() ? () -> editExistingComment(pr.getAsInt(), gone)
                : null;
        publish(gone, commentCall, () -> deactivateAll(gone));
    }

    @FunctionalInterface
    private interface Call {
        void run() throws IOException;
    }

    private Call onPullRequest(Call call) {
        return settings.pullRequest().isPresent() ? call : null;
    }

    private EnvironmentReport withRun(EnvironmentReport report) {
        return report.runUrl().isPresent() ? report : report.toBuilder().runUrl(settings.runUrl()).build();
    }

    /** Runs the parts that apply (a null call does not); what failed becomes one warning. */
    private void publish(EnvironmentReport report, Call commentCall, Call deploymentCall) {
        explainOnce(report);
        if (settings.token().isEmpty() || settings.repository().isEmpty()) return;
        Map<Part, Exception> failed = new EnumMap<>(Part.class);
        if (commentCall != null) attempt(Part.COMMENT, commentCall, failed);
        if (settings.deployments()) attempt(Part.DEPLOYMENT, deploymentCall, failed);
        if (!failed.isEmpty()) log.warning(warning(failed));
    }

    private void attempt(Part part, Call call, Map<Part, Exception> failed) {
        if (givenUp.contains(part)) return;
        try {
            call.run();
        } catch (IOException | RuntimeException e) {
            // Ordinary failures only: an Error (out of memory) is not GitHub's doing.
            givenUp.add(part);
            failed.put(part, e);
        }
    }

    /** Both parts failing on the same call (the repository lookup) read as one sentence. */
    private String warning(Map<Part, Exception> failed) {
        boolean oneCause = failed.values().stream().distinct().count() == 1;
        List<List<Part>> sentences = oneCause ? List.of(List.copyOf(failed.keySet())) : failed.keySet().stream().map(List::of).toList();
        StringBuilder text = new StringBuilder("GitHub: ");
        for (int i = 0; i < sentences.size(); i++) {
            List<Part> parts = sentences.get(i);
            text.append(i == 0 ? "could not " : "Could not ").append(String.join(" or ", parts.stream().map(p -> p.what).toList()))
                    .append(": ").append(explain(failed.get(parts.get(0)), parts.stream().map(p -> p.permission).toList())).append(". ");
        }
        return text.append("The operation's result is unaffected.").toString();
    }

    private String explain(Exception e, List<String> permissions) {
        try {
            return Problem.explain(e, String.join(" and ", permissions.stream().map(p -> "`" + p + "`").toList()), settings.fromFork());
        } catch (RuntimeException unexpected) {
            return e.toString();
        }
    }

    /** Says once, as plain log lines, what is skipped and why: a laptop run has no GitHub to talk to. */
    private void explainOnce(EnvironmentReport report) {
        if (explained) return;
        explained = true;
        settings.notes().forEach(log::warning);
        if (settings.token().isEmpty()) {
            log.info("GitHub: no github-token; no pull-request comment or deployment.");
        } else if (settings.repository().isEmpty()) {
            log.info("GitHub: GITHUB_REPOSITORY is not set; no pull-request comment or deployment.");
        } else {
            if (settings.pullRequest().isEmpty() && report.state() != State.DESTROYED) {
                log.info("GitHub: no pull request for this run (set the pull-request input on workflow_dispatch); no comment.");
            }
            if (!settings.deployments()) log.info("GitHub: github-deployment is false; no deployment.");
        }
    }

    private void upsertComment(EnvironmentReport report) throws IOException {
        String body = CommentMarkdown.render(report);
        if (comment == null) {
            GHIssue issue = github.repository().getIssue(settings.pullRequest().orElseThrow());
            Optional<GHIssueComment> existing = find(issue, report.commentMarker());
            if (existing.isEmpty()) {
                comment = issue.comment(body);
                log.info("GitHub: commented on pull request #" + issue.getNumber() + ".");
                return;
            }
            comment = existing.get();
        }
        comment.update(body);
        log.info("GitHub: updated the comment on pull request #" + settings.pullRequest().orElse(0) + ".");
    }

    private void editExistingComment(int number, EnvironmentReport report) throws IOException {
        GHIssue issue = github.repository().getIssue(number);
        Optional<GHIssueComment> existing = find(issue, report.commentMarker());
        if (existing.isPresent()) {
            existing.get().update(CommentMarkdown.render(report));
            log.info("GitHub: marked the comment on pull request #" + number + " as destroyed.");
        }
    }

    /** Our comment starts with the marker; a marker quoted inside someone's text does not count. */
    private static Optional<GHIssueComment> find(GHIssue issue, String marker) throws IOException {
        for (GHIssueComment each : issue.listComments().withPageSize(100)) {
            String body = each.getBody();
            if (body != null && body.startsWith(marker)) return Optional.of(each);
        }
        return Optional.empty();
    }

    /** The deployment begun in this run, else a new one: a run that skipped begin still shows its result. */
    private GHDeployment current(EnvironmentReport report) throws IOException {
        if (deployment == null) deployment = createDeployment(report);
        return deployment;
    }

    private void deactivateAll(EnvironmentReport report) throws IOException {
        for (GHDeployment each : github.repository().listDeployments(null, null, null, report.environment()).withPageSize(100)) {
            status(each, GHDeploymentState.INACTIVE, report).create();
        }
    }

    private GHDeployment createDeployment(EnvironmentReport report) throws IOException {
        String ref = settings.ref().orElseThrow(() -> new IOException("no commit to deploy: GITHUB_SHA is not set"));
        GHDeployment created = github.repository().createDeployment(ref)
                .environment(report.environment())
                .transientEnvironment(true)
                .productionEnvironment(false)
                .autoMerge(false)
                .requiredContexts(List.of())
                .task("deploy")
                .description(shorten("adhoc-action " + report.operation() + " of " + report.environment()))
                .create();
        log.info("GitHub: created deployment " + created.getId() + " for environment " + report.environment() + ".");
        return created;
    }

    private GHDeploymentStatusBuilder status(GHDeployment target, GHDeploymentState state, EnvironmentReport report) {
        GHDeploymentStatusBuilder status = target.createStatus(state).description(shorten(description(report)));
        settings.runUrl().ifPresent(status::logUrl);
        if (state == GHDeploymentState.SUCCESS) {
            report.url().ifPresent(status::environmentUrl);
            // Earlier deployments of this environment stop showing as active.
            status.autoInactive(true);
        }
        return status;
    }

    private static String description(EnvironmentReport report) {
        String verb = report.state() == State.CANCELLED ? "Cancelled during " : "Failed at ";
        return report.failure().map(f -> verb + f.step() + ": " + f.message())
                .orElse(report.state().label() + " (" + report.operation() + ")");
    }

    /** GitHub refuses descriptions longer than 140 characters. */
    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 139) + "…";
    }
}
