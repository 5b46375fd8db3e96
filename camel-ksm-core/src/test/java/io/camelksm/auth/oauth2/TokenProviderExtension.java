package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Instant;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.testsupport.TestClock;

/**
 * A fresh {@link OAuth2TokenProvider} per test, on a clock that stands at {@link #NOW} and without retries, against a
 * {@link TokenEndpoint} that answers every request with one token; closed after the test. Register it on an instance
 * field, so it runs after the static WireMock extension has reset the endpoint.
 */
final class TokenProviderExtension implements BeforeEachCallback, AfterEachCallback {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final WireMockExtension server;
    private final String accessToken;
    private final int expiresIn;
    private OAuth2TokenProvider provider;

    TokenProviderExtension(WireMockExtension server, String accessToken, int expiresIn) {
        this.server = server;
        this.accessToken = accessToken;
        this.expiresIn = expiresIn;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().clock(new TestClock(NOW))
                .retryPolicy(RetryPolicy.none()).build());
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .willReturn(okJson(TokenEndpoint.tokenJson(accessToken, expiresIn))));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        provider.close();
    }

    /** The provider of the running test. */
    OAuth2TokenProvider provider() {
        return provider;
    }
}
