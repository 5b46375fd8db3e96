package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import okhttp3.OkHttpClient;

/** Sharing the application's OkHttpClient, closing, and what reaches the logs. */
class ProviderLifecycleTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private static final String CLIENT_SECRET = "Sup3r-S3cret-Value";

    private Credential credential() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-1")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .build();
    }

    @Test
    void aProviderOnASharedClientLeavesItOpen() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(okJson(TokenEndpoint.tokenJson("t", 60))));
        OAuth2Settings settings = OAuth2Settings.defaults();
        OkHttpClient shared = OkHttpTokenEndpointClient.newSharedClient(settings);
        assertThat(shared.callTimeoutMillis()).isEqualTo(30_000);
        assertThat(shared.connectTimeoutMillis()).isEqualTo(10_000);

        try (OAuth2TokenProvider provider = new CachingOAuth2TokenProvider(settings,
                new OkHttpTokenEndpointClient(shared, settings))) {
            assertThat(provider.token(credential()).value().reveal()).isEqualTo("t");
        }

        assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
        shared.dispatcher().executorService().shutdown();
    }

    @Test
    void aClosedProviderRefusesClearly() {
        OAuth2TokenProvider provider = OAuth2TokenProvider.create(OAuth2Settings.defaults());
        provider.close();

        assertThatThrownBy(() -> provider.token(credential())).isInstanceOf(IllegalStateException.class)
                .hasMessage("the token provider is closed");
    }

    @Test
    void retriesAreLoggedWithoutSecrets() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"temporarily_unavailable\",\"error_description\":\"cannot check "
                          + CLIENT_SECRET + "\"}")));
        Logger logger = (Logger) LoggerFactory.getLogger("io.camelksm.auth.oauth2");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (OAuth2TokenProvider provider = OAuth2TokenProvider.create(OAuth2Settings.builder()
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(2).withBackoff(Duration.ofMillis(1),
                        Duration.ofMillis(2))).build())) {
            assertThatThrownBy(() -> provider.token(credential())).isInstanceOf(KsmTokenException.class);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("Token request for credential 'Graph' failed (attempt")
                    .contains("cannot check ******").doesNotContain(CLIENT_SECRET);
        });
    }
}
