package dev.adhoc.action.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * GitHub's REST API for one repository, answering with the JSON shapes GitHub documents for
 * repositories, pull requests, their comments, deployments and deployment statuses.
 */
final class GitHubApiStub {
    static final String OWNER = "acme";
    static final String NAME = "shop";
    static final String REPO = "/repos/" + OWNER + "/" + NAME;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    GitHubApiStub(WireMockServer server) {
        this.server = server;
    }

    String base() {
        return server.baseUrl();
    }

    void repository() {
        server.stubFor(get(urlPathEqualTo(REPO)).willReturn(json(200, repositoryJson())));
    }

    void issue(int number) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", 1000 + number).put("node_id", "PR_kwDOA" + number).put("url", base() + REPO + "/issues/" + number)
                .put("html_url", "https://github.com/" + OWNER + "/" + NAME + "/pull/" + number).put("number", number)
                .put("state", "open").put("title", "Add the checkout page").put("body", "Adds the checkout page.")
                .put("locked", false).put("comments", 0).put("created_at", "2026-11-20T10:00:00Z")
                .put("updated_at", "2026-11-26T08:00:00Z").put("author_association", "MEMBER");
        issue.set("user", user("octocat", 1, "User"));
        issue.putArray("labels");
        issue.putObject("pull_request").put("url", base() + REPO + "/pulls/" + number)
                .put("html_url", "https://github.com/" + OWNER + "/" + NAME + "/pull/" + number);
        server.stubFor(get(urlPathEqualTo(REPO + "/issues/" + number)).willReturn(json(200, issue.toString())));
    }

    /** Comments in two pages (the Link header points at the second), as GitHub paginates them. */
    void comments(int number, ObjectNode[] firstPage, ObjectNode[] secondPage) {
        String path = REPO + "/issues/" + number + "/comments";
        ResponseDefinitionBuilder first = json(200, array(firstPage).toString());
        if (secondPage.length > 0) {
            first = first.withHeader("Link", "<" + base() + path + "?per_page=100&page=2>; rel=\"next\", <" + base() + path
                    + "?per_page=100&page=2>; rel=\"last\"");
        }
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent()).willReturn(first));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")).willReturn(json(200, array(secondPage).toString())));
    }

    void acceptsNewComments(int number, long id) {
        server.stubFor(post(urlPathEqualTo(REPO + "/issues/" + number + "/comments"))
                .willReturn(json(201, comment(id, number, "created").toString())));
    }

    void acceptsCommentEdits(int number, long id) {
        server.stubFor(patch(urlPathEqualTo(REPO + "/issues/comments/" + id)).willReturn(json(200, comment(id, number, "edited").toString())));
    }

    void acceptsDeployments(long id, String environment, String sha) {
        server.stubFor(post(urlPathEqualTo(REPO + "/deployments")).willReturn(json(201, deployment(id, environment, sha).toString())));
        acceptsStatuses();
    }

    void acceptsStatuses() {
        server.stubFor(post(urlPathMatching(REPO + "/deployments/[0-9]+/statuses")).willReturn(json(201, status().toString())));
    }

    void deploymentsOf(String environment, long... ids) {
        ObjectNode[] deployments = new ObjectNode[ids.length];
        for (int i = 0; i < ids.length; i++) deployments[i] = deployment(ids[i], environment, "a".repeat(40));
        server.stubFor(get(urlPathEqualTo(REPO + "/deployments")).withQueryParam("environment", equalTo(environment))
                .willReturn(json(200, array(deployments).toString())));
    }

    ObjectNode comment(long id, int number, String body) {
        ObjectNode comment = JSON.createObjectNode();
        comment.put("id", id).put("node_id", "IC_kwDOA" + id).put("url", base() + REPO + "/issues/comments/" + id)
                .put("html_url", "https://github.com/" + OWNER + "/" + NAME + "/pull/" + number + "#issuecomment-" + id)
                .put("body", body).put("created_at", "2026-11-26T09:00:00Z").put("updated_at", "2026-11-26T09:00:00Z")
                .put("issue_url", base() + REPO + "/issues/" + number).put("author_association", "NONE");
        comment.set("user", user("github-actions[bot]", 41898282, "Bot"));
        return comment;
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Remaining", "998")
                .withHeader("X-RateLimit-Reset", "1796000000").withHeader("X-RateLimit-Used", "2")
                .withHeader("X-RateLimit-Resource", "core").withBody(body);
    }

    private String repositoryJson() {
        ObjectNode repo = JSON.createObjectNode();
        repo.put("id", 1296269).put("node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5").put("name", NAME).put("full_name", OWNER + "/" + NAME)
                .put("private", true).put("html_url", "https://github.com/" + OWNER + "/" + NAME).put("description", "The shop")
                .put("fork", false).put("url", base() + REPO).put("default_branch", "main").put("visibility", "private")
                .put("created_at", "2024-01-26T19:01:12Z").put("updated_at", "2026-11-26T08:00:00Z")
                .put("pushed_at", "2026-11-26T08:00:00Z");
        repo.set("owner", user(OWNER, 9919, "Organization"));
        repo.putObject("permissions").put("admin", false).put("push", false).put("pull", true);
        return repo.toString();
    }

    private ObjectNode deployment(long id, String environment, String sha) {
        ObjectNode deployment = JSON.createObjectNode();
        deployment.put("url", base() + REPO + "/deployments/" + id).put("id", id).put("node_id", "MDEwOkRlcGxveW1lbnQx")
                .put("sha", sha).put("ref", sha).put("task", "deploy").put("original_environment", environment)
                .put("environment", environment).put("description", "adhoc-action").put("created_at", "2026-11-26T09:00:00Z")
                .put("updated_at", "2026-11-26T09:00:00Z").put("statuses_url", base() + REPO + "/deployments/" + id + "/statuses")
                .put("repository_url", base() + REPO).put("transient_environment", true).put("production_environment", false);
        deployment.putObject("payload");
        deployment.set("creator", user("github-actions[bot]", 41898282, "Bot"));
        return deployment;
    }

    private ObjectNode status() {
        ObjectNode status = JSON.createObjectNode();
        status.put("url", base() + REPO + "/deployments/42/statuses/1").put("id", 1).put("node_id", "MDE2OkRlcGxveW1lbnRTdGF0dXMx")
                .put("state", "success").put("description", "Ready").put("environment", "pr-7").put("target_url", "")
                .put("created_at", "2026-11-26T09:05:00Z").put("updated_at", "2026-11-26T09:05:00Z")
                .put("deployment_url", base() + REPO + "/deployments/42").put("repository_url", base() + REPO)
                .put("environment_url", "").put("log_url", "");
        status.set("creator", user("github-actions[bot]", 41898282, "Bot"));
        return status;
    }

    private static ObjectNode user(String login, long id, String type) {
        ObjectNode user = JSON.createObjectNode();
        user.put("login", login).put("id", id).put("node_id", "MDQ6VXNlcjE=").put("type", type).put("site_admin", false)
                .put("url", "https://api.github.com/users/" + login).put("html_url", "https://github.com/" + login);
        return user;
    }

    private static ArrayNode array(ObjectNode[] items) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode item : items) array.add(item);
        return array;
    }
}
