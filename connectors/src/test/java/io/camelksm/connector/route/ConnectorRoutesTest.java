package io.camelksm.connector.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.connector.ConnectorCallException;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.ConnectorHeaders;
import io.camelksm.connector.definition.ConnectorDefinitionReader;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * The routes of a definition against WireMock on loopback, with credentials and grants in an H2 home: authorization
 * through ksm: (audited on the action's route), parameters, outputs, refusals and failures without secrets.
 */
class ConnectorRoutesTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String TOKEN = "ghp_s3cretT0ken";
    private static final String READ_ONLY_TOKEN = "ghp_readOnly";
    private static final String PASSWORD = "sn-Pa55word!";
    private static final String API_KEY = "k3y-Weather";

    private static final String GITHUB = """
            name: github
            baseUrl: http://127.0.0.1:%d
            headers:
              Accept: application/vnd.github+json
            parameters:
              per_page: "50"
            authentication:
              type: bearer
              credential: GitHub
              allowedCredentials: [GitHub, GitHubReadOnly]
            actions:
              - name: getRepository
                method: GET
                path: /repos/{owner}/{repo}
                parameters:
                  - { name: owner, required: true }
                  - { name: repo, required: true }
                  - { name: state, default: open }
                query:
                  state: "{state}"
                outputs:
                  fullName: $.full_name
                  stars: $.stargazers_count
                  missing: $.not_there
              - name: createIssue
                method: POST
                path: /repos/{owner}/{repo}/issues
                parameters:
                  - { name: owner, required: true }
                  - { name: repo, required: true }
                  - { name: title, required: true }
                body: '{"title": "{title}"}'
                outputs:
                  number: $.number
              - name: raw
                method: GET
                path: /raw
            """;

    private static final String SERVICENOW = """
            name: servicenow
            baseUrl: http://localhost:%d/api
            authentication:
              type: basic
              credential: ServiceNow
            actions:
              - name: getIncident
                method: GET
                path: /now/table/incident/{id}
                parameters:
                  - { name: id, required: true }
                outputs:
                  number: $.result.number
            """;

    private static final String OPEN = """
            name: open-data
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: none
            actions:
              - name: stations
                method: GET
                path: /stations
                outputs:
                  first: $[0].id
            """;

    private static final String WEATHER = """
            name: weather
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: custom
              credential: Weather
              custom:
                headers:
                  X-Api-Key: "[Credential.Password]"
                query:
                  account: "[Credential.Username]"
                body:
                  client_tag: "[Credential.Property.tag]"
            actions:
              - name: forecast
                method: GET
                path: /forecast
                parameters:
                  - { name: city, required: true }
                query:
                  q: "{city}"
                outputs:
                  temperature: $.temp
              - name: report
                method: POST
                path: /reports
                parameters:
                  - { name: city, required: true }
                body: '{"city": "{city}"}'
              - name: subscribe
                method: POST
                path: /subscriptions
                parameters:
                  - { name: city, required: true }
                  - { name: note }
                contentType: application/x-www-form-urlencoded
                body: city={city}&note={note}
            """;

    private static final String TOKEN_IN_HEADER = """
            name: token-header
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: custom
              credential: GitHub
              custom:
                headers:
                  X-Token: "token [Credential.Token]"
            actions:
              - name: me
                method: GET
                path: /me
            """;

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("GitHub", CredentialType.BEARER).value(CredentialField.TOKEN, TOKEN).build());
        ksm.add(Credential.builder("GitHubReadOnly", CredentialType.BEARER)
                .value(CredentialField.TOKEN, READ_ONLY_TOKEN).build());
        ksm.add(Credential.builder("GitHubAdmin", CredentialType.BEARER).value(CredentialField.TOKEN, "admin").build());
        ksm.add(Credential.builder("ServiceNow", CredentialType.BASIC).field(CredentialField.USERNAME, "admin")
                .value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.add(Credential.builder("Weather", CredentialType.GENERAL).field(CredentialField.USERNAME, "acct-7")
                .value(CredentialField.PASSWORD, API_KEY).property(CredentialProperty.plain("tag", "t-1")).build());
        ksm.grantAnyone("GitHub").grantAnyone("GitHubReadOnly").grantAnyone("GitHubAdmin").grantAnyone("ServiceNow")
                .grantAnyone("Weather");
        int port = api.getPort();
        return new ConnectorRoutes(ConnectorDefinitions.of(List.of(
                ConnectorDefinitionReader.read("github.yaml", GITHUB.formatted(port)),
                ConnectorDefinitionReader.read("servicenow.yaml", SERVICENOW.formatted(port)),
                ConnectorDefinitionReader.read("open-data.yaml", OPEN.formatted(port)),
                ConnectorDefinitionReader.read("weather.yaml", WEATHER.formatted(port)),
                ConnectorDefinitionReader.read("token-header.yaml", TOKEN_IN_HEADER.formatted(port)))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bearerCallMapsOutputsAndRepliesWithoutAuthorization() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"full_name\":\"octo/hello\",\"stargazers_count\":42}")));

        Exchange out = template.request("direct:github.getRepository", e -> {
            e.getMessage().setHeader("owner", "octo cat");
            e.getMessage().setHeader("repo", "a/b");
            e.getMessage().setHeader("X-Caller-Secret", "not for the API");
        });

        assertThat(out.getException()).isNull();
        Map<String, Object> reply = out.getMessage().getBody(Map.class);
        assertThat(reply).containsEntry("fullName", "octo/hello").containsEntry("stars", 42).containsKey("missing");
        assertThat(reply.get("missing")).isNull();
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
        assertThat(out.getMessage().getHeaders().values()).noneSatisfy(v -> assertThat(String.valueOf(v)).contains(TOKEN));

        LoggedRequest request = api.getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo("/repos/octo%20cat/a%2Fb?per_page=50&state=open");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.containsHeader("X-Caller-Secret")).as("caller headers stay home").isFalse();
        assertThat(request.containsHeader("owner")).as("parameters are not headers").isFalse();

        AuditEvent decision = ksm.lastAudit();
        assertThat(decision.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(decision.credential()).isEqualTo("GitHub");
        assertThat(decision.routeId()).isEqualTo("ksm-connector.github.getRepository");
    }

    @Test
    void callerPicksAnOfferedCredential() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"full_name\":\"x\"}")));

        Exchange out = template.request("direct:github.getRepository", e -> {
            e.getMessage().setHeader("owner", "o");
            e.getMessage().setHeader("repo", "r");
            e.getMessage().setHeader(ConnectorHeaders.CREDENTIAL, "GitHubReadOnly");
        });

        assertThat(out.getException()).isNull();
        api.verify(getRequestedFor(urlPathEqualTo("/repos/o/r")).withHeader("Authorization",
                equalTo("Bearer " + READ_ONLY_TOKEN)));
        assertThat(ksm.lastAudit().credential()).isEqualTo("GitHubReadOnly");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(ConnectorHeaders.CREDENTIAL);
    }

    @Test
    void credentialNotOfferedIsRefusedBeforeAnyAccessCheck() {
        Exchange out = template.request("direct:github.getRepository", e -> {
            e.getMessage().setHeader("owner", "o");
            e.getMessage().setHeader("repo", "r");
            e.getMessage().setHeader(ConnectorHeaders.CREDENTIAL, "GitHubAdmin");
        });

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class)
                .hasMessageContaining("connector 'github'").hasMessageContaining("does not offer credential 'GitHubAdmin'");
        assertThat(routeDecisions()).as("no access decision, not even a denial").isEmpty();
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void missingRequiredParameterNamesIt() {
        Exchange out = template.request("direct:github.getRepository", e -> e.getMessage().setHeader("owner", "o"));

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class)
                .hasMessage("connector 'github' action 'getRepository': the required parameter 'repo' is missing"
                        + " (set the message header 'repo')");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void serverErrorIsAClearErrorWithoutTheSecret() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom " + TOKEN)));

        Exchange out = template.request("direct:github.getRepository", e -> {
            e.getMessage().setHeader("owner", "o");
            e.getMessage().setHeader("repo", "r");
        });

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class)
                .hasMessage("connector 'github' action 'getRepository': the API answered HTTP 500");
        assertThat(((ConnectorCallException) out.getException()).statusCode()).isEqualTo(500);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
        assertThat(out.getMessage().getHeaders().values()).noneSatisfy(v -> assertThat(String.valueOf(v)).contains(TOKEN));
    }

    @Test
    void jsonBodyValuesAreEscaped() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"number\":7}")));

        Exchange out = template.request("direct:github.createIssue", e -> {
            e.getMessage().setHeader("owner", "o");
            e.getMessage().setHeader("repo", "r");
            e.getMessage().setHeader("title", "say \"hi\"\\n");
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("number", 7);
        api.verify(postRequestedFor(urlEqualTo("/repos/o/r/issues?per_page=50"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"title\": \"say \\\"hi\\\"\\\\n\"}")));
    }

    @Test
    void withoutOutputsTheReplyIsTheRawBody() {
        api.stubFor(any(anyUrl()).willReturn(okJson("[1,2]")));

        Exchange out = template.request("direct:github.raw", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("[1,2]");
    }

    @Test
    void basicAuthenticationFromTheCredential() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"result\":{\"number\":\"INC001\"}}")));

        Exchange out = template.request("direct:servicenow.getIncident", e -> e.getMessage().setHeader("id", "42"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("number", "INC001");
        api.verify(getRequestedFor(urlEqualTo("/api/now/table/incident/42")).withHeader("Authorization",
                equalTo("Basic YWRtaW46c24tUGE1NXdvcmQh")));
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void typeNoneSendsNoAuthorizationAndChecksNoCredential() {
        api.stubFor(any(anyUrl()).willReturn(okJson("[{\"id\":\"s1\"}]")));

        Exchange out = template.request("direct:open-data.stations", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("first", "s1");
        api.verify(getRequestedFor(urlEqualTo("/stations")).withHeader("Authorization", absent()));
        assertThat(routeDecisions()).isEmpty();
    }

    @Test
    void customTemplatesExpandThroughKsmAndLeaveNoHeaderBehind() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"temp\":21.5}")));

        Exchange out = template.request("direct:weather.forecast", e -> e.getMessage().setHeader("city", "Köln"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("temperature", 21.5);
        api.verify(getRequestedFor(urlEqualTo("/forecast?q=K%C3%B6ln&account=acct-7"))
                .withHeader("X-Api-Key", equalTo(API_KEY)));
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("X-Api-Key");
        assertThat(ksm.lastAudit().routeId()).isEqualTo("ksm-connector.weather.forecast");
        assertThat(ksm.lastAudit().operation()).isEqualTo("get");
        assertThat(api.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .as("a GET without a body template gets no body").isEmpty();
    }

    @Test
    void customTokenOfABearerCredential() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{}")));

        Exchange out = template.request("direct:token-header.me", e -> { });

        assertThat(out.getException()).isNull();
        api.verify(getRequestedFor(urlEqualTo("/me")).withHeader("X-Token", equalTo("token " + TOKEN))
                .withHeader("Authorization", absent()));
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys("X-Token", "Authorization");
        assertThat(ksm.lastAudit().operation()).isEqualTo("authorize");
    }

    @Test
    void customBodyFieldsMergeIntoAJsonBody() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{}")));

        Exchange out = template.request("direct:weather.report", e -> e.getMessage().setHeader("city", "Köln"));

        assertThat(out.getException()).isNull();
        api.verify(postRequestedFor(urlEqualTo("/reports?account=acct-7"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"city\": \"Köln\", \"client_tag\": \"t-1\"}")));
    }

    @Test
    void formBodyValuesAreFormEncodedAndCustomFieldsAppended() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{}")));

        Exchange out = template.request("direct:weather.subscribe", e -> e.getMessage().setHeader("city", "Köln & Bonn"));

        assertThat(out.getException()).isNull();
        LoggedRequest request = api.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBodyAsString()).isEqualTo("city=K%C3%B6ln+%26+Bonn&note=&client_tag=t-1");
    }

    /** The decisions taken for routes (the test's own credential and grant set-up has no route). */
    private List<AuditEvent> routeDecisions() {
        return ksm.audit().stream().filter(event -> event.routeId() != null).toList();
    }
}
