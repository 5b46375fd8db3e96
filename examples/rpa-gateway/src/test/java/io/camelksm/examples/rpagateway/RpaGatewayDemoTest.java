package io.camelksm.examples.rpagateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.component.KsmComponent;
import io.camelksm.examples.rpagateway.demo.DemoCall;
import io.camelksm.examples.rpagateway.demo.DemoSecrets;

/**
 * The gateway as bots use it, over HTTP on loopback with the demo profile (credentials seeded, WireMock stand-ins for
 * the four APIs that accept only this run's secrets): invoice-bot runs Graph and ServiceNow actions and gets their
 * outputs, hr-bot runs Salesforce (JWT bearer) and GitHub actions, hr-bot is denied ServiceNow and the denial is in
 * the audit trail, nobody gets in without a login, and no answer carries a secret or an Authorization header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rpa-gateway.demo.calls=false")
@ActiveProfiles("demo")
class RpaGatewayDemoTest {

    @LocalServerPort
    private int port;

    @Autowired
    private DemoSecrets secrets;

    @Autowired
    private CamelContext camel;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpResponse<String>> responses = new ArrayList<>();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        Path home = Files.createTempDirectory(target.toAbsolutePath(), "ksm-rpa-gateway-test-");
        registry.add("camel.component.ksm.database-directory", home::toString);
    }

    @AfterEach
    void noAnswerCarriesASecretOrAnAuthorizationHeader() {
        List<String> secretValues = List.of(secrets.graphClientSecret(), secrets.serviceNowPassword(),
                secrets.gitHubToken(), secrets.salesforcePrivateKeyPem().lines().skip(1).findFirst().orElseThrow());
        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().map().keySet()).as("response headers")
                    .noneMatch(name -> name.equalsIgnoreCase("Authorization"));
            String everything = response.body() + response.headers().map();
            assertThat(secretValues).as("secrets in " + everything).noneMatch(everything::contains);
            assertThat(response.body()).doesNotContain("Bearer ").doesNotContain("Basic ");
        }
    }

    @Test
    void invoiceBotGetsTheOutputsOfMicrosoftGraphAndServiceNow() throws Exception {
        HttpResponse<String> user = call(demoCall("invoice-bot", "microsoft-graph"));
        HttpResponse<String> incident = call(demoCall("invoice-bot", "servicenow"));

        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).startsWith("{\"outputs\":{").contains("Adele Vance");
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(200);
        assertThat(incident.body()).contains("INC0010042");
    }

    @Test
    void hrBotGetsTheOutputsOfSalesforceWithAJwtBearerTokenAndOfGitHub() throws Exception {
        HttpResponse<String> accounts = call(demoCall("hr-bot", "salesforce"));
        HttpResponse<String> repository = call(demoCall("hr-bot", "github"));

        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        assertThat(accounts.body()).contains("Contoso Pharmaceuticals");
        assertThat(repository.statusCode()).as(repository.body()).isEqualTo(200);
        assertThat(repository.body()).contains("contoso/invoice-robots");
    }

    @Test
    void hrBotIsDeniedServiceNowAndTheDenialIsAudited() throws Exception {
        DemoCall denied = DemoCall.ALL.stream().filter(c -> c.expected() == 403).findFirst().orElseThrow();

        HttpResponse<String> response = call(denied);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\"").contains("hr-bot");
        List<AuditEvent> audit = camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials().audit()
                .tail(200);
        assertThat(audit).anySatisfy(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(event.principal()).isEqualTo("hr-bot");
            assertThat(event.roles()).containsExactly("hr-onboarding");
            assertThat(event.routeId()).isEqualTo("ksm-connector." + denied.connector() + "." + denied.action());
        });
    }

    @Test
    void withoutALoginOrWithAWrongPasswordNothingRuns() throws Exception {
        DemoCall graph = demoCall("invoice-bot", "microsoft-graph");

        assertThat(send(graph, null).statusCode()).isEqualTo(401);
        assertThat(send(graph, "invoice-bot:wrong-password").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheActionsParametersReachTheRoute() throws Exception {
        DemoCall graph = demoCall("invoice-bot", "microsoft-graph");
        DemoCall steering = new DemoCall(graph.bot(), graph.connector(), graph.action(),
                "{\"user\":\"x\",\"CamelHttpUri\":\"http://example.org/\"}", 400);
        DemoCall unknownAction = new DemoCall(graph.bot(), graph.connector(), "deleteEverything", "{}", 404);

        DemoCall missingParameter = new DemoCall("hr-bot", "github", "getRepository", "{\"owner\":\"contoso\"}", 400);

        HttpResponse<String> steered = call(steering);
        HttpResponse<String> unknown = call(unknownAction);
        HttpResponse<String> missing = call(missingParameter);

        assertThat(steered.statusCode()).isEqualTo(400);
        assertThat(steered.body()).contains("CamelHttpUri");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("the required parameter 'repo' is missing");
    }

    @Test
    void anApiFailureIs502WithTheStatusOnlyAndACredentialTheConnectorDoesNotOfferIs403() throws Exception {
        // the GitHub stand-in has no createIssue: WireMock answers 404 with its own diagnostic body
        HttpResponse<String> failed = call(new DemoCall("hr-bot", "github", "createIssue",
                "{\"owner\":\"contoso\",\"repo\":\"invoice-robots\",\"title\":\"Laptop\"}", 502));
        DemoCall repository = demoCall("hr-bot", "github");
        HttpResponse<String> otherCredential = send(repository, "hr-bot:hr-bot-password", "?credential=ServiceNow");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("the API answered HTTP 404").doesNotContain("Request was not matched");
        assertThat(otherCredential.statusCode()).isEqualTo(403);
        assertThat(otherCredential.body()).contains("does not offer credential 'ServiceNow'");
    }

    private static DemoCall demoCall(String bot, String connector) {
        return DemoCall.ALL.stream().filter(c -> c.bot().equals(bot) && c.connector().equals(connector)).findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> call(DemoCall call) throws Exception {
        return send(call, call.bot() + ":" + call.bot() + "-password");
    }

    private HttpResponse<String> send(DemoCall call, String login) throws Exception {
        return send(call, login, "");
    }

    private HttpResponse<String> send(DemoCall call, String login, String query) throws Exception {
        HttpResponse<String> response = http.send(call.request("http://127.0.0.1:" + port, query, login),
                HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }
}
