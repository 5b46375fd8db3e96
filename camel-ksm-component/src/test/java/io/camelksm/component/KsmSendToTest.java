package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.access.KsmSendRefusedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * A credential bound to hosts ({@code sendTo}) goes only there: {@code ksm:} marks the exchange, and the send guard
 * refuses any other host (the endpoint's URI, a {@code toD}, the {@code CamelHttpUri} / {@code CamelHttpPath} headers,
 * a non-HTTP endpoint, an endpoint that follows redirects) before anything is sent, audited as a DENY naming the host.
 */
class KsmSendToTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PASSWORD = "pw-Bound-9f3";
    private static final String BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("bot:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private String apiBase() {
        return "http://127.0.0.1:" + api.getPort();
    }

    private String otherBase() {
        return "http://localhost:" + other.getPort();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(basic("Bound").property(CredentialProperty.plain("sendTo", apiBase() + "/api/")).build());
        ksm.grantAnyone("Bound");
        ksm.add(Credential.builder("BoundFields", CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .value(CredentialField.PASSWORD, PASSWORD)
                .property(CredentialProperty.plain("sendTo", apiBase() + "/api/")).build());
        ksm.grantAnyone("BoundFields");
        return new RouteBuilder() {
            @Override
            public void configure() {
                // made before any ksm: endpoint: guarded all the same (the plugin installs the guard at build time)
                from("direct:early").to(otherBase() + "/early");
                from("direct:allowed").to("ksm:Bound").to(apiBase() + "/api/orders");
                from("direct:other").to("ksm:Bound").to(otherBase() + "/api/orders");
                from("direct:viaEarly").to("ksm:Bound").to("direct:early");
                from("direct:dynamic").to("ksm:Bound").toD("${header.target}");
                from("direct:uriHeader").to("ksm:Bound")
                        .setHeader(Exchange.HTTP_URI, simple(otherBase() + "/api/orders"))
                        .to(apiBase() + "/api/orders");
                from("direct:pathHeader").to("ksm:Bound").setHeader(Exchange.HTTP_PATH, simple("${header.path}"))
                        .to(apiBase() + "/api");
                from("direct:redirects").to("ksm:Bound").to(apiBase() + "/api/start?followRedirects=true");
                from("direct:noFollow").to("ksm:Bound").to(apiBase() + "/api/orders?followRedirects=false");
                from("direct:get").to("ksm:BoundFields?operation=get").choice()
                        .when(header("release")).process(KsmSendBindings::release).end()
                        .toD("${header.target}");
                from("direct:removed").to("ksm:Bound").removeHeader("Authorization").to(otherBase() + "/api/orders");
                from("direct:nonHttp").to("ksm:Bound").to("file:target/ksm-send-to");
                from("direct:afterCall").to("ksm:Bound").to(apiBase() + "/api/orders").to(otherBase() + "/audit");
            }
        };
    }

    private static Credential.Builder basic(String name) {
        return Credential.builder(name, CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .value(CredentialField.PASSWORD, PASSWORD);
    }

    @BeforeEach
    void stubs() {
        api.stubFor(any(anyUrl()).willReturn(ok("api")));
        other.stubFor(any(anyUrl()).willReturn(ok("other")));
    }

    @Test
    void aBoundHostGetsTheHeader() {
        Exchange out = template.request("direct:allowed", e -> { });

        assertThat(out.getException()).isNull();
        api.verify(getRequestedFor(urlEqualTo("/api/orders")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(BASIC)));
    }

    @Test
    void anotherHostIsRefusedAuditedAndGetsNothing() {
        Exchange out = template.request("direct:other", e -> { });

        assertRefused(out, "localhost");
        AuditEvent denied = ksm.lastAudit();
        assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denied.credential()).isEqualTo("Bound");
        assertThat(denied.operation()).isEqualTo("send");
        assertThat(denied.routeId()).isNotNull();
        assertThat(denied.reason()).contains("refused sending to host 'localhost'").doesNotContain(PASSWORD)
                .doesNotContain(BASIC.substring(6));
    }

    @Test
    void anAdministratorsNewSendToAppliesToTheNextExchange() {
        assertRefused(template.request("direct:other", e -> { }), "localhost");

        ksm.governed().update(ksm.stored("Bound").toBuilder()
                .property(CredentialProperty.plain("sendTo", otherBase() + "/api/")).build(),
                io.camelksm.testsupport.KsmTestSupport.ADMIN);

        assertThat(template.request("direct:other", e -> { }).getException()).isNull();
        assertThat(template.request("direct:allowed", e -> { }).getException())
                .isInstanceOf(KsmSendRefusedException.class).hasMessageContaining("to host '127.0.0.1' refused");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void anEndpointMadeBeforeTheComponentIsGuardedToo() {
        assertRefused(template.request("direct:viaEarly", e -> { }), "localhost");
    }

    @Test
    void aDynamicUriIsCheckedWhereItIsSent() {
        Exchange allowed = template.request("direct:dynamic", e -> e.getMessage().setHeader("target",
                apiBase() + "/api/dyn?x=1"));
        Exchange refused = template.request("direct:dynamic", e -> e.getMessage().setHeader("target",
                otherBase() + "/api/dyn"));
        Exchange outsideThePrefix = template.request("direct:dynamic", e -> e.getMessage().setHeader("target",
                apiBase() + "/admin"));

        assertThat(allowed.getException()).isNull();
        api.verify(1, getRequestedFor(urlEqualTo("/api/dyn?x=1")));
        assertRefused(refused, "localhost");
        assertRefused(outsideThePrefix, "127.0.0.1");
        api.verify(0, getRequestedFor(urlEqualTo("/admin")));
    }

    @Test
    void theCamelHttpUriHeaderCannotRedirectTheCall() {
        assertRefused(template.request("direct:uriHeader", e -> { }), "localhost");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theCamelHttpPathHeaderCannotLeaveThePrefix() {
        Exchange inside = template.request("direct:pathHeader", e -> e.getMessage().setHeader("path", "orders/1"));
        Exchange dotDot = template.request("direct:pathHeader", e -> e.getMessage().setHeader("path", "../admin"));
        Exchange encoded = template.request("direct:pathHeader", e -> e.getMessage().setHeader("path", "%2e%2e/admin"));

        assertThat(inside.getException()).isNull();
        api.verify(1, getRequestedFor(urlEqualTo("/api/orders/1")));
        assertRefused(dotDot, "127.0.0.1");
        assertRefused(encoded, "127.0.0.1");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anEndpointThatFollowsRedirectsIsRefused() {
        Exchange out = template.request("direct:redirects", e -> { });

        assertRefused(out, "127.0.0.1");
        assertThat(out.getException()).hasMessageContaining("followRedirects=true");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEndpointThatSaysNoToRedirectsWinsOverItsComponent() {
        context.getComponent("http", org.apache.camel.component.http.HttpComponent.class).setFollowRedirects(true);

        assertThat(template.request("direct:noFollow", e -> { }).getException()).isNull();
        assertRefused(template.request("direct:allowed", e -> { }), "127.0.0.1");
    }

    @Test
    void valuesHandedOverByGetBindTheWholeExchangeUntilReleased() {
        Exchange bound = template.request("direct:get", e -> e.getMessage().setHeader("target",
                apiBase() + "/api/get"));
        Exchange elsewhere = template.request("direct:get", e -> e.getMessage().setHeader("target",
                otherBase() + "/api/get"));

        assertThat(bound.getException()).isNull();
        assertThat(elsewhere.getException()).isInstanceOf(KsmSendRefusedException.class)
                .hasMessageContaining("Sending credential 'BoundFields' (send) to host 'localhost' refused");
        assertThat(other.getAllServeEvents()).isEmpty();
        Exchange released = template.request("direct:get", e -> {
            e.getMessage().setHeader("target", otherBase() + "/api/get");
            e.getMessage().setHeader("release", true);
        });
        assertThat(released.getException()).isNull();
    }

    @Test
    void withoutTheHeaderTheMessageMayGoAnywhere() {
        Exchange out = template.request("direct:removed", e -> { });

        assertThat(out.getException()).isNull();
        other.verify(getRequestedFor(urlEqualTo("/api/orders")).withoutHeader("Authorization"));
    }

    @Test
    void aNonHttpEndpointIsRefusedWhileTheHeaderIsOnTheMessage() {
        Exchange out = template.request("direct:nonHttp", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmSendRefusedException.class)
                .hasMessageContaining("is not an HTTP endpoint");
    }

    @Test
    void theHeaderLeftOnTheResponseCannotGoToTheNextHost() {
        Exchange out = template.request("direct:afterCall", e -> { });

        assertRefused(out, "localhost");
        api.verify(1, getRequestedFor(urlEqualTo("/api/orders")));
    }

    private void assertRefused(Exchange out, String host) {
        assertThat(out.getException()).isInstanceOf(KsmSendRefusedException.class)
                .hasMessageContaining("Sending credential 'Bound' (send) to host '" + host + "' refused")
                .hasMessageNotContaining(PASSWORD);
        assertThat(((KsmSendRefusedException) out.getException()).getHost()).isEqualTo(host);
        assertThat(other.getAllServeEvents()).isEmpty();
    }
}
