package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.TestClock;

class ClientCredentialsGrantTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CLIENT_ID = "my client:1";
    private static final String CLIENT_SECRET = "p@ss w:rd+/é";

    private final TestClock clock = new TestClock(NOW);
    private OAuth2TokenProvider provider;

    @BeforeEach
    void start() {
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().clock(clock)
                .defaultExpiresIn(Duration.ofSeconds(120)).retryPolicy(RetryPolicy.none()).build());
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Credential.Builder credential() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, CLIENT_ID)
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server));
    }

    private void respond(String json) {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(okJson(json)));
    }

    private LoggedRequest onlyRequest() {
        assertThat(TokenEndpoint.requests(server)).hasSize(1);
        return TokenEndpoint.requests(server).get(0);
    }

    @Test
    void clientSecretBasicFormUrlEncodesIdAndSecretBeforeBase64() {
        respond(TokenEndpoint.tokenJson("tok-1", 3600));

        AccessToken token = provider.token(credential().build());

        assertThat(token.authorizationHeaderValue()).isEqualTo("Bearer tok-1");
        LoggedRequest request = onlyRequest();
        // RFC 6749 2.3.1, worked by hand: "my client:1" -> my+client%3A1, "p@ss w:rd+/é" -> p%40ss+w%3Ard%2B%2F%C3%A9
        String expected = Base64.getEncoder().encodeToString(
                "my+client%3A1:p%40ss+w%3Ard%2B%2F%C3%A9".getBytes(StandardCharsets.US_ASCII));
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + expected);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(TokenEndpoint.form(request)).containsExactly(Map.entry("grant_type", "client_credentials"));
        assertThat(request.getBodyAsString()).doesNotContain("p%40ss").doesNotContain(CLIENT_SECRET);
    }

    @Test
    void clientSecretPostSendsIdAndSecretInTheBodyOnly() {
        respond(TokenEndpoint.tokenJson("tok-2", 3600));

        provider.token(credential().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post").build());

        LoggedRequest request = onlyRequest();
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(TokenEndpoint.form(request)).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", CLIENT_ID).containsEntry("client_secret", CLIENT_SECRET);
        assertThat(request.getBodyAsString()).contains("client_secret=p%40ss+w%3Ard%2B%2F%C3%A9");
    }

    @Test
    void sendsScopeAudienceAndExtraFormParametersUrlEncoded() {
        respond(TokenEndpoint.tokenJson("tok-3", 3600));

        provider.token(credential()
                .field(CredentialField.SCOPE, "read write")
                .field(CredentialField.AUDIENCE, "https://api.example/")
                .property(CredentialProperty.plain("form.resource", "https://graph.example/"))
                .property(CredentialProperty.plain("form.tenant_hint", "a&b=c d"))
                .property(CredentialProperty.plain("unrelated", "not sent"))
                .build());

        LoggedRequest request = onlyRequest();
        assertThat(TokenEndpoint.form(request)).containsExactly(
                Map.entry("grant_type", "client_credentials"),
                Map.entry("scope", "read write"),
                Map.entry("audience", "https://api.example/"),
                Map.entry("resource", "https://graph.example/"),
                Map.entry("tenant_hint", "a&b=c d"));
        assertThat(request.getBodyAsString()).contains("tenant_hint=a%26b%3Dc+d", "scope=read+write")
                .doesNotContain("unrelated");
    }

    @Test
    void optionsReplaceTheCredentialsScopeAudienceAndResource() {
        respond(TokenEndpoint.tokenJson("tok-4", 3600));

        provider.token(credential().field(CredentialField.SCOPE, "read write")
                        .property(CredentialProperty.plain("form.resource", "https://a.example/")).build(),
                TokenRequestOptions.scope("read").withAudience("aud-2").withResource("https://b.example/"));

        assertThat(TokenEndpoint.form(onlyRequest())).containsEntry("scope", "read").containsEntry("audience", "aud-2")
                .containsEntry("resource", "https://b.example/");
    }

    @Test
    void readsTheTokenResponse() {
        respond("{\"access_token\":\"tok-5\",\"token_type\":\"bearer\",\"expires_in\":\"3600\",\"scope\":\"read\"}");

        AccessToken token = provider.token(credential().field(CredentialField.SCOPE, "read write").build());

        assertThat(token.value().reveal()).isEqualTo("tok-5");
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.authorizationHeaderValue()).isEqualTo("Bearer tok-5");
        assertThat(token.issuedAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(token.scope()).contains("read");
        assertThat(token.toString()).doesNotContain("tok-5");
    }

    @Test
    void withoutExpiresInTheConfiguredDefaultLifetimeApplies() {
        respond("{\"access_token\":\"tok-6\",\"token_type\":\"Bearer\"}");

        AccessToken token = provider.token(credential().field(CredentialField.SCOPE, "read").build());

        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(120));
        // no scope in the response: the requested one was granted (RFC 6749 5.1)
        assertThat(token.scope()).contains("read");
    }

    @Test
    void aTokenTypeOtherThanBearerIsRefused() {
        respond("{\"access_token\":\"tok-7\",\"token_type\":\"mac\",\"expires_in\":60}");

        assertThatThrownBy(() -> provider.token(credential().build())).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("token_type 'mac' is not supported");
    }

    @Test
    void redirectsAreNotFollowed() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://127.0.0.1:" + server.getPort() + "/elsewhere")));
        server.stubFor(post(urlEqualTo("/elsewhere")).willReturn(okJson(TokenEndpoint.tokenJson("stolen", 60))));

        assertThatThrownBy(() -> provider.token(credential().build())).isInstanceOf(KsmTokenException.class)
                .satisfies(e -> assertThat(((KsmTokenException) e).getReason())
                        .isEqualTo(KsmTokenException.Reason.INVALID_RESPONSE))
                .hasMessageContaining("HTTP 307").hasMessageContaining("redirect, which is not followed");
        server.verify(0, postRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void aFormPropertyMayNotSetTheGrantsOwnParameters() {
        Credential credential = credential().property(CredentialProperty.plain("form.client_secret", "x")).build();

        assertThatThrownBy(() -> provider.token(credential)).isInstanceOf(KsmTokenException.class)
                .hasMessageStartingWith("Cannot request a token for credential 'Graph': property 'form.client_secret'"
                                        + " would set the form parameter 'client_secret', which camel-ksm controls:"
                                        + " set the credential fields clientId, clientSecret and"
                                        + " clientAuthenticationMethod instead")
                .satisfies(e -> assertThat(((KsmTokenException) e).getAttempts()).isZero());
        assertThatThrownBy(() -> provider.token(credential().property(CredentialProperty.plain("form.scope", "x"))
                .build())).hasMessageContaining("use the credential field 'scope' instead");
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }

    @Test
    void secretFormPropertiesAreSentButNeverShown() {
        respond(TokenEndpoint.tokenJson("tok-8", 60));

        provider.token(credential().property(CredentialProperty.secret("form.api_key", Secret.of("k-123456")))
                .build());

        assertThat(TokenEndpoint.form(onlyRequest())).containsEntry("api_key", "k-123456");
    }

    @Test
    void secretsAreOnlySentOverHttpsOrToLoopback() {
        Credential plainHttp = credential().field(CredentialField.TOKEN_URL, "http://login.example.com/token").build();
        assertThatThrownBy(() -> provider.token(plainHttp)).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("http://login.example.com/token uses plain http");

        Credential userInfo = credential().field(CredentialField.TOKEN_URL, "https://me:pw@login.example.com/t")
                .build();
        assertThatThrownBy(() -> provider.token(userInfo)).hasMessageContaining("must not contain user info")
                .hasMessageNotContaining("me:pw");

        Credential relative = credential().field(CredentialField.TOKEN_URL, "/token").build();
        assertThatThrownBy(() -> provider.token(relative)).hasMessageContaining("absolute https URL");
    }

    @Test
    void rejectsUnusableCredentialsWithoutSendingAnything() {
        assertThatThrownBy(() -> provider.token(Credential.builder("Api", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").secret(CredentialField.PASSWORD, Secret.of("p")).build()))
                .isInstanceOf(KsmTokenException.class)
                .hasMessage("Cannot request a token for credential 'Api': it is a BASIC credential, not"
                            + " OAUTH2_CLIENT_CREDENTIALS or OAUTH2_JWT_BEARER");
        assertThatThrownBy(() -> provider.token(credential()
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "tls_client_auth").build()))
                .hasMessageContaining("clientAuthenticationMethod 'tls_client_auth' is unknown; use one of"
                                      + " client_secret_basic, client_secret_post, private_key_jwt, client_secret_jwt");
        assertThatThrownBy(() -> provider.token(credential().secret(CredentialField.CLIENT_SECRET, null).build()))
                .hasMessageContaining("client_secret_basic needs the field 'clientSecret'");
        assertThatThrownBy(() -> provider.token(credential().build(), TokenRequestOptions.none().withSubject("u")))
                .hasMessageContaining("a subject applies to the JWT bearer grant only");
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }

    @Test
    void acceptsTheMethodNameInAnyCase() {
        respond(TokenEndpoint.tokenJson("tok-9", 60));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).withHeader("Authorization", absent())
                .willReturn(okJson(TokenEndpoint.tokenJson("tok-post", 60))));

        AccessToken token = provider.token(credential()
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "Client_Secret_Post").build());

        assertThat(token.value().reveal()).isEqualTo("tok-post");
        server.verify(postRequestedFor(urlEqualTo(TokenEndpoint.PATH)).withHeader("Authorization", absent())
                .withFormParam("client_secret", equalTo(CLIENT_SECRET)));
    }
}
