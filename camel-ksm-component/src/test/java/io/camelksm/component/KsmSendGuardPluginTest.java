package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.access.KsmSendRefusedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.LogCapture;

/**
 * The guard is installed when the context is built ({@link KsmSendGuardPlugin}, found by Camel's ServiceLoader), so an
 * HTTP endpoint a route made and started before the ksm component existed is guarded too.
 */
class KsmSendGuardPluginTest {

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void anEndpointOfARouteStartedBeforeTheComponentExistedIsGuarded() throws Exception {
        other.stubFor(any(anyUrl()).willReturn(ok("other")));
        String early = "http://localhost:" + other.getPort() + "/early";
        try (KsmTestSupport ksm = KsmTestSupport.create(); LogCapture log = new LogCapture();
             CamelContext camel = new DefaultCamelContext()) {
            ksm.add(Credential.builder("Pinned", CredentialType.BEARER).value(CredentialField.TOKEN, "tok-pinned")
                    .property(CredentialProperty.plain("sendTo", "api.example.com")).build());
            ksm.grantAnyone("Pinned");
            camel.getRegistry().bind("governedCredentials", ksm.governed());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:early").to(early);
                }
            });
            camel.start();
            assertThat(camel.hasComponent("ksm")).isNull();

            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:late").to("ksm:Pinned").to("direct:early");
                }
            });
            Exchange out = camel.createProducerTemplate().request("direct:late", e -> { });

            assertThat(out.getException()).isInstanceOf(KsmSendRefusedException.class)
                    .hasMessageContaining("to host 'localhost' refused");
            assertThat(other.getAllServeEvents()).isEmpty();
            assertThat(log.text()).doesNotContain("may not be guarded");
            // the wrapper stays out of the way of code that asks for the endpoint's own type
            assertThat(camel.getEndpoint(early, HttpEndpoint.class)).isNotNull();
        }
    }
}
