package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.credential.AllowedHosts;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.TestClock;

/**
 * A token URL that replaces the credential's own (an endpoint's or a connector definition's {@code tokenUrl}): sent
 * there only when the credential's {@code allowedHosts} names its host, or, without {@code allowedHosts}, when it is on
 * the credential's own scheme, host and port. Anything else is refused before a request leaves, so the client secret
 * never reaches another server.
 */
class TokenUrlOverrideTest {

    @RegisterExtension
    static WireMockExtension own = TokenEndpoint.extension();
    @RegisterExtension
    static WireMockExtension other = TokenEndpoint.extension();

    private static final String SECRET = "graph-client-secret";

    private OAuth2TokenProvider provider;

    @BeforeEach
    void start() {
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().clock(new TestClock(TokenProviderExtension.NOW))
                .retryPolicy(RetryPolicy.none()).build());
        own.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(okJson(TokenEndpoint.tokenJson("own", 3600))));
        own.stubFor(post(urlEqualTo("/tenant-b/token")).willReturn(okJson(TokenEndpoint.tokenJson("own-b", 3600))));
        other.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(okJson(TokenEndpoint.tokenJson("other", 3600))));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Credential.Builder credential() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(SECRET))
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(own));
    }

    private static TokenRequestOptions tokenUrl(String url) {
        return TokenRequestOptions.none().withTokenUrl(url);
    }

    @Test
    void anAllowedHostOnAnotherPortReceivesTheRequest() {
        Credential credential = credential().property(CredentialProperty.plain(AllowedHosts.PROPERTY, "127.0.0.1"))
                .build();

        AccessToken token = provider.token(credential, tokenUrl(TokenEndpoint.url(other)));

        assertThat(token.authorizationHeaderValue()).isEqualTo("Bearer other");
        assertThat(TokenEndpoint.requests(other)).hasSize(1);
        assertThat(TokenEndpoint.form(TokenEndpoint.requests(other).get(0))).containsEntry("grant_type",
                "client_credentials");
        assertThat(TokenEndpoint.requests(own)).isEmpty();
    }

    @Test
    void aHostOutsideAllowedHostsIsRefusedBeforeAnyRequest() {
        Credential credential = credential().property(CredentialProperty.plain(AllowedHosts.PROPERTY, "127.0.0.1"))
                .build();
        String elsewhere = "http://localhost:" + other.getPort() + TokenEndpoint.PATH;

        assertThatThrownBy(() -> provider.token(credential, tokenUrl(elsewhere)))
                .isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("tokenUrl host 'localhost' is not one of the credential's allowedHosts")
                .hasMessageNotContaining(SECRET)
                .extracting(e -> ((KsmTokenException) e).getReason()).isEqualTo(KsmTokenException.Reason.CONFIGURATION);
        assertThat(TokenEndpoint.requests(other)).isEmpty();
        assertThat(TokenEndpoint.requests(own)).isEmpty();
    }

    @Test
    void withoutAllowedHostsOnlyTheCredentialsOwnEndpointIsAccepted() {
        Credential credential = credential().build();

        assertThatThrownBy(() -> provider.token(credential, tokenUrl(TokenEndpoint.url(other))))
                .isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("is not on the credential's own token endpoint http://127.0.0.1:" + own.getPort())
                .hasMessageContaining("allowedHosts")
                .hasMessageNotContaining(SECRET);
        assertThat(TokenEndpoint.requests(other)).isEmpty();

        AccessToken samePlace = provider.token(credential,
                tokenUrl("http://127.0.0.1:" + own.getPort() + "/tenant-b/token"));
        assertThat(samePlace.authorizationHeaderValue()).isEqualTo("Bearer own-b");
    }

    @Test
    void theOverrideIsPartOfTheCacheKey() {
        Credential credential = credential().property(CredentialProperty.plain(AllowedHosts.PROPERTY, "127.0.0.1"))
                .build();

        assertThat(provider.token(credential).authorizationHeaderValue()).isEqualTo("Bearer own");
        assertThat(provider.token(credential, tokenUrl(TokenEndpoint.url(other))).authorizationHeaderValue())
                .isEqualTo("Bearer other");
        assertThat(provider.token(credential).authorizationHeaderValue()).isEqualTo("Bearer own");

        assertThat(TokenEndpoint.requests(own)).hasSize(1);
        assertThat(TokenEndpoint.requests(other)).hasSize(1);
    }

    @Test
    void theOverrideMustBeHttpsLikeTheCredentialsOwn() {
        Credential credential = credential().property(CredentialProperty.plain(AllowedHosts.PROPERTY,
                "127.0.0.1 login.example.com")).build();

        assertThatThrownBy(() -> provider.token(credential, tokenUrl("http://login.example.com/token")))
                .isInstanceOf(KsmTokenException.class).hasMessageContaining("uses plain http");
    }
}
