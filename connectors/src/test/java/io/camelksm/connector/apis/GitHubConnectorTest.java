package io.camelksm.connector.apis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

/**
 * {@code github.yaml} against a stand-in for api.github.com: the token as {@code Authorization: Bearer}, GitHub's media
 * type and REST API version on every request, outputs from the response shapes of GitHub's documentation.
 */
class GitHubConnectorTest extends ShippedConnectorsTestSupport {

    @RegisterExtension
    static WireMockExtension github = server();

    private static final String TOKEN = "github_pat_11ABCDEFG0123456789_s3cr3t";

    /** Shortened from "Get a repository" in GitHub's REST documentation. */
    private static final String REPOSITORY = """
            {"id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": "Hello-World",
             "full_name": "octocat/Hello-World", "owner": {"login": "octocat", "id": 1, "type": "User"},
             "private": false, "html_url": "https://github.com/octocat/Hello-World",
             "description": "This your first repo!", "fork": false, "default_branch": "master",
             "stargazers_count": 80, "watchers_count": 80, "open_issues_count": 0}
            """;

    /** Shortened from "Create an issue" (201 Created). */
    private static final String ISSUE = """
            {"id": 1, "node_id": "MDU6SXNzdWUx", "url": "https://api.github.com/repos/octocat/Hello-World/issues/1347",
             "html_url": "https://github.com/octocat/Hello-World/issues/1347", "number": 1347, "state": "open",
             "title": "Found a bug", "body": "I'm having a problem with this.", "user": {"login": "octocat"}}
            """;

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("GitHub", CredentialType.BEARER).value(CredentialField.TOKEN, TOKEN).build());
        ksm.grantAnyone("GitHub");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("github.base-url", url(github));
    }

    private static void assertGitHubHeaders(LoggedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getRepository() {
        github.stubFor(get(urlEqualTo("/repos/octocat/Hello-World")).willReturn(okJson(REPOSITORY)));

        Exchange out = call("direct:github.getRepository", Map.of("owner", "octocat", "repo", "Hello-World"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("id", 1296269)
                .containsEntry("fullName", "octocat/Hello-World").containsEntry("private", false)
                .containsEntry("defaultBranch", "master").containsEntry("stars", 80)
                .containsEntry("url", "https://github.com/octocat/Hello-World");
        LoggedRequest request = only(github);
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertGitHubHeaders(request);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    @SuppressWarnings("unchecked")
    void createIssue() throws Exception {
        github.stubFor(post(urlEqualTo("/repos/octocat/Hello-World/issues")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(ISSUE)));

        Exchange out = call("direct:github.createIssue", Map.of("owner", "octocat", "repo", "Hello-World",
                "title", "Found a bug", "body", "I'm having a \"problem\" with this."));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("number", 1347).containsEntry("state", "open")
                .containsEntry("url", "https://github.com/octocat/Hello-World/issues/1347");
        LoggedRequest request = only(github);
        assertGitHubHeaders(request);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(new ObjectMapper().readValue(request.getBodyAsString(), Map.class))
                .isEqualTo(Map.of("title", "Found a bug", "body", "I'm having a \"problem\" with this."));
    }
}
