package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;

/**
 * Headers and query parameters of an inbound HTTP request (platform-http on Vert.x, real HTTP on loopback) can never
 * add roles or change the process or resource: the request stays denied and the audit shows the trusted values.
 */
class KsmInboundHttpTest extends KsmCamelTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    /** The headers each request brought into a route, recorded before the ksm endpoint. */
    private final Queue<Map<String, Object>> seen = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Everything a caller might try to pass off as an identity. */
    private static final List<String> FORGED_HEADERS = List.of(
            "CamelAuthentication", "crm-users",
            "process", "payroll",
            "resource", "other-node",
            "roles", "crm-users",
            "role", "crm-users",
            "CamelKsmProcess", "payroll",
            "CamelKsmResource", "other-node",
            "CamelKsmRoles", "crm-users",
            "CamelKsmOperation", "get",
            "CamelKsmCredentialName", "Open",
            "X-Roles", "crm-users",
            "Authorization", "Basic YWRtaW46YWRtaW4=");

    private static final String FORGED_QUERY = "?CamelAuthentication=crm-users&process=payroll&resource=other-node"
            + "&roles=crm-users&role=crm-users&CamelKsmRoles=crm-users&CamelKsmProcess=payroll&operation=get";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camelContext.addService(new VertxPlatformHttpServer(server));
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        // needs role crm-users: only a Subject set by the route could bring it
        ksm.add(Credential.builder("Crm", CredentialType.BEARER).value(CredentialField.TOKEN, "crm-token").build());
        ksm.grant("Crm", "crm-users", "*", "*");
        // any role, but only process payroll
        ksm.add(Credential.builder("Payroll", CredentialType.BEARER).value(CredentialField.TOKEN, "pay-token").build());
        ksm.grant("Payroll", "*", "payroll", "*");
        // any role and process, but only on other-node
        ksm.add(Credential.builder("Remote", CredentialType.BEARER).value(CredentialField.TOKEN, "remote-token").build());
        ksm.grant("Remote", "*", "*", "other-node");
        // the control: anyone may use it, so a 200 proves the HTTP path itself works
        ksm.add(Credential.builder("Open", CredentialType.BEARER).value(CredentialField.TOKEN, "open-token").build());
        ksm.grantAnyone("Open");
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(KsmAccessDeniedException.class).handled(true)
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(403))
                        .setBody(constant("denied"));
                from("platform-http:/crm").routeId("http-crm")
                        .process(e -> seen.add(new HashMap<>(e.getMessage().getHeaders())))
                        .to("ksm:Crm").setBody(constant("granted"));
                from("platform-http:/payroll").routeId("http-payroll").to("ksm:Payroll").setBody(constant("granted"));
                from("platform-http:/remote").routeId("http-remote").to("ksm:Remote").setBody(constant("granted"));
                from("platform-http:/open").routeId("http-open").to("ksm:Open")
                        .setBody(simple("granted ${header.Authorization}"));
                // a proxy-like route: the header ksm: built must not go back to the inbound caller
                from("platform-http:/echo").routeId("http-echo").to("ksm:Open").setBody(constant("ok"));
                from("platform-http:/proxy").routeId("http-proxy").to("ksm:Open")
                        .removeHeader("Authorization").setBody(constant("ok"));
                // a careless route that copies a request header into CamelAuthentication: still only text
                from("platform-http:/careless").routeId("http-careless")
                        .setHeader(Exchange.AUTHENTICATION, header("X-Roles"))
                        .process(e -> seen.add(new HashMap<>(e.getMessage().getHeaders())))
                        .to("ksm:Crm").setBody(constant("granted"));
            }
        };
    }

    @Test
    void controlAnOpenCredentialIsGrantedOverHttp() throws Exception {
        HttpResponse<String> response = get("/open" + FORGED_QUERY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("granted Bearer open-token");
        assertTrusted(ksm.lastAudit(), "http-open", AuditOutcome.GRANTED);
    }

    @Test
    void forgedHeadersAndQueryParametersAddNoRole() throws Exception {
        HttpResponse<String> response = get("/crm" + FORGED_QUERY);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("denied");
        assertTrusted(ksm.lastAudit(), "http-crm", AuditOutcome.DENIED);
        // the forged values did reach the route: they were there and were not trusted
        assertThat(seen).singleElement().satisfies(headers -> assertThat(headers)
                .containsKeys("process", "resource", "roles", "x-roles"));
    }

    @Test
    void forgedHeadersAndQueryParametersDoNotChangeTheProcess() throws Exception {
        HttpResponse<String> response = get("/payroll" + FORGED_QUERY);

        assertThat(response.statusCode()).isEqualTo(403);
        AuditEvent event = ksm.lastAudit();
        assertTrusted(event, "http-payroll", AuditOutcome.DENIED);
        assertThat(event.reason()).contains("process 'http-payroll'");
    }

    @Test
    void forgedHeadersAndQueryParametersDoNotChangeTheResource() throws Exception {
        HttpResponse<String> response = get("/remote" + FORGED_QUERY);

        assertThat(response.statusCode()).isEqualTo(403);
        AuditEvent event = ksm.lastAudit();
        assertTrusted(event, "http-remote", AuditOutcome.DENIED);
        assertThat(event.reason()).contains("resource '" + KsmTestSupport.NODE + "'");
    }

    @Test
    void copyingARequestHeaderIntoCamelAuthenticationGrantsNothing() throws Exception {
        HttpResponse<String> response = get("/careless");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(seen).singleElement()
                .satisfies(headers -> assertThat(headers).containsEntry(Exchange.AUTHENTICATION, "crm-users"));
        assertTrusted(ksm.lastAudit(), "http-careless", AuditOutcome.DENIED);
    }

    @Test
    void inboundHttpEchoesMessageHeadersSoRoutesRemoveTheAuthorizationHeaderAfterUse() throws Exception {
        // Camel's platform-http returns the message headers as response headers (only Camel* ones are filtered)
        assertThat(get("/echo").headers().firstValue("Authorization")).contains("Bearer open-token");
        assertThat(get("/echo").headers().firstValue(KsmConstants.CREDENTIAL_TYPE)).isEmpty();

        HttpResponse<String> response = get("/proxy");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Authorization")).isEmpty();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).headers(FORGED_HEADERS.toArray(String[]::new)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTrusted(AuditEvent event, String route, AuditOutcome outcome) {
        assertThat(event.outcome()).isEqualTo(outcome);
        assertThat(event.routeId()).isEqualTo(route);
        assertThat(event.process()).isEqualTo(route);
        assertThat(event.resource()).isEqualTo(KsmTestSupport.NODE);
        assertThat(event.roles()).isEmpty();
        assertThat(event.principal()).isNull();
        assertThat(event.operation()).isEqualTo("authorize");
    }
}
