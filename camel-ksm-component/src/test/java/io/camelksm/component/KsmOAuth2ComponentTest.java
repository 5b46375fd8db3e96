package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.RetryPolicy;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/** The component's OAuth 2.0 options and the lifecycle of its token provider, on a plain CamelContext. */
class KsmOAuth2ComponentTest {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private final KsmTestSupport ksm = KsmTestSupport.create();

    @AfterEach
    void close() {
        ksm.close();
    }

    private Credential graph() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "c").value(CredentialField.CLIENT_SECRET, "s")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build();
    }

    private CamelContext context() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("governed", ksm.governed());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:graph").routeId("graph").to("ksm:Graph");
            }
        });
        return camel;
    }

    @Test
    void defaultOptionsAreTheTokenClientsDefaults() {
        KsmComponent component = new KsmComponent();

        assertThat(component.getOauth2Configuration().toSettings(null).toString())
                .isEqualTo(OAuth2Settings.defaults().toString());
    }

    @Test
    void optionsMapOntoTheSettingsWithCamelDurations() throws Exception {
        try (CamelContext camel = context()) {
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camel)
                    .resolvePropertyConfigurer("ksm-component", camel);
            String[][] options = {
                    { "connectTimeout", "2s" }, { "readTimeout", "3s" }, { "writeTimeout", "4s" },
                    { "callTimeout", "20s" }, { "tokenEndpointTimeout", "5s" }, { "tokenFetchDeadline", "9s" },
                    { "clockSkew", "30s" },
                    { "refreshAhead", "0" }, { "defaultExpiresIn", "10m" }, { "assertionLifetime", "2m" },
                    { "maxRetries", "5" }, { "initialBackoff", "100" }, { "maxBackoff", "2s" },
                    { "backoffJitter", "0.25" }, { "maxRetryAfter", "1m" }, { "maxResponseBytes", "4096" },
                    { "allowPlainHttp", "true" } };
            for (String[] option : options) {
                assertThat(configurer.configure(camel, component, option[0], option[1], true)).as(option[0]).isTrue();
            }

            OAuth2Settings settings = component.getOauth2Configuration().toSettings(null);

            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(4));
            assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(settings.tokenEndpointTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.tokenFetchDeadline()).isEqualTo(Duration.ofSeconds(9));
            assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.refreshAhead()).isZero();
            assertThat(settings.defaultExpiresIn()).isEqualTo(Duration.ofMinutes(10));
            assertThat(settings.assertionLifetime()).isEqualTo(Duration.ofMinutes(2));
            assertThat(settings.retryPolicy()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(100),
                    Duration.ofSeconds(2), 0.25, Duration.ofMinutes(1)));
            assertThat(settings.maxResponseBytes()).isEqualTo(4096);
            assertThat(settings.allowPlainHttp()).isTrue();
        }
    }

    @Test
    void badOptionFailsTheStartNamingIt() throws Exception {
        try (CamelContext camel = context()) {
            camel.getComponent("ksm", KsmComponent.class).getOauth2Configuration().setMaxResponseBytes(10);

            assertThatThrownBy(camel::start).hasStackTraceContaining("maxResponseBytes must be at least 256");
        }
        try (CamelContext camel = context()) {
            camel.getComponent("ksm", KsmComponent.class).getOauth2Configuration().setMaxRetries(-1);

            assertThatThrownBy(camel::start).hasStackTraceContaining("maxRetries must be between 0 and 20");
        }
    }

    @Test
    void createsItsProviderOnStartAndClosesItOnStop() throws Exception {
        ksm.add(graph());
        ksm.grantAnyone("Graph");
        OAuth2Wire.issue(server, "tok-1", 3600);
        try (CamelContext camel = context()) {
            camel.start();
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            OAuth2TokenProvider provider = component.getOauth2TokenProvider();
            assertThat(camel.createProducerTemplate().request("direct:graph", e -> { }).getMessage()
                    .getHeader("Authorization")).isEqualTo("Bearer tok-1");

            camel.stop();

            assertThat(component.getOauth2TokenProvider()).isNull();
            assertThatThrownBy(() -> provider.token(ksm.stored("Graph"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void aProviderFromTheRegistryIsUsedAndLeftOpen() throws Exception {
        ksm.add(graph());
        ksm.grantAnyone("Graph");
        OAuth2Wire.issue(server, "tok-2", 3600);
        try (OAuth2TokenProvider shared = OAuth2TokenProvider.create(OAuth2Settings.defaults());
             CamelContext camel = context()) {
            camel.getRegistry().bind("sharedTokens", shared);
            camel.start();
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            assertThat(component.getOauth2TokenProvider()).isSameAs(shared);

            Exchange out = camel.createProducerTemplate().request("direct:graph", e -> { });
            camel.stop();

            assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer tok-2");
            assertThat(shared.statistics().tokensFetched()).isEqualTo(1);
            assertThat(shared.token(ksm.stored("Graph")).authorizationHeaderValue())
                    .as("still open, still cached").isEqualTo("Bearer tok-2");
            assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
        }
    }

    @Test
    void stoppedComponentNoLongerEvictsThroughTheGovernedCredentials() throws Exception {
        ksm.add(graph());
        ksm.grantAnyone("Graph");
        OAuth2Wire.issue(server, "tok-3", 3600);
        try (OAuth2TokenProvider shared = OAuth2TokenProvider.create(OAuth2Settings.defaults());
             CamelContext camel = context()) {
            camel.getRegistry().bind("sharedTokens", shared);
            camel.start();
            camel.createProducerTemplate().request("direct:graph", e -> { });
            camel.stop();

            ksm.governed().update(ksm.stored("Graph").toBuilder().description("x").build(), KsmTestSupport.ADMIN);

            assertThat(shared.statistics().evictions()).as("the listener left with the component").isZero();
        }
    }
}
