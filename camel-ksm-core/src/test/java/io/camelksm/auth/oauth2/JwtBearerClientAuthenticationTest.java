package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.TestClock;

/**
 * The JWT bearer grant with client authentication beside the assertion (RFC 7523 §3.1), against an authorization
 * server that answers 401 invalid_client unless the client authenticates as it requires (Keycloak, Okta, Entra ID's
 * on-behalf-of); and without client fields, the grant alone as before.
 */
class JwtBearerClientAuthenticationTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private static final String CLIENT_ID = "jwt client:1";
    private static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef-s3cr3t";
    private static final String GRANT = "grant_type=" + enc(JwtBearerGrant.GRANT_TYPE);

    private OAuth2TokenProvider provider;

    @BeforeEach
    void start() {
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().clock(new TestClock(TokenProviderExtension.NOW))
                .retryPolicy(RetryPolicy.none()).build());
        // anything else is an unauthenticated client
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A jwt-bearer grant request with an assertion, and whatever the method adds. */
    private static MappingBuilder grant() {
        return post(urlEqualTo(TokenEndpoint.PATH)).atPriority(1).withRequestBody(containing(GRANT))
                .withRequestBody(containing("assertion="));
    }

    private static void accept(MappingBuilder authenticated) {
        server.stubFor(authenticated.willReturn(okJson(TokenEndpoint.tokenJson("obo-token", 3600))));
    }

    private static Credential.Builder credential() {
        return Credential.builder("OnBehalfOf", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, "issuer-app")
                .field(CredentialField.SUBJECT, "alice")
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA));
    }

    private static Credential.Builder withClient(String method) {
        Credential.Builder b = credential().field(CredentialField.CLIENT_ID, CLIENT_ID)
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET));
        return method == null ? b : b.field(CredentialField.CLIENT_AUTHENTICATION_METHOD, method);
    }

    private static LoggedRequest onlyRequest() {
        assertThat(TokenEndpoint.requests(server)).hasSize(1);
        return TokenEndpoint.requests(server).get(0);
    }

    /** The grant's own assertion is still there and signed by the private key. */
    private static void assertGrantAssertion(Map<String, String> form) {
        assertThat(form).containsEntry("grant_type", JwtBearerGrant.GRANT_TYPE);
        assertThat(IndependentJwtVerifier.verify(form.get("assertion"), TestKeys.RSA.getPublic())).isTrue();
        assertThat(TokenEndpoint.jwtPart(form.get("assertion"), 1)).containsEntry("iss", "issuer-app")
                .containsEntry("sub", "alice");
    }

    @Test
    void clientSecretBasic() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET))
                .getBytes(StandardCharsets.UTF_8));
        accept(grant().withHeader("Authorization", equalTo(basic)));

        AccessToken token = provider.token(withClient("client_secret_basic").build());

        assertThat(token.authorizationHeaderValue()).isEqualTo("Bearer obo-token");
        Map<String, String> form = TokenEndpoint.form(onlyRequest());
        assertGrantAssertion(form);
        assertThat(form).doesNotContainKeys("client_id", "client_secret", "client_assertion");
    }

    @Test
    void aClientSecretWithoutAMethodMeansClientSecretBasic() {
        accept(grant().withHeader("Authorization", containing("Basic ")));

        assertThat(provider.token(withClient(null).build()).value().reveal()).isEqualTo("obo-token");
    }

    @Test
    void clientSecretPost() {
        accept(grant().withHeader("Authorization", absent())
                .withRequestBody(containing("client_id=" + enc(CLIENT_ID)))
                .withRequestBody(containing("client_secret=" + enc(CLIENT_SECRET))));

        provider.token(withClient("client_secret_post").build());

        assertGrantAssertion(TokenEndpoint.form(onlyRequest()));
    }

    @Test
    void privateKeyJwtSignsTheClientAssertionWithTheCredentialsKey() {
        accept(grant().withHeader("Authorization", absent())
                .withRequestBody(containing("client_id=" + enc(CLIENT_ID)))
                .withRequestBody(containing("client_assertion_type=" + enc(ClientAuthentication.CLIENT_ASSERTION_TYPE)))
                .withRequestBody(containing("client_assertion="))
                .withRequestBody(notContaining("client_secret=")));

        provider.token(credential().field(CredentialField.CLIENT_ID, CLIENT_ID)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")
                .field(CredentialField.ALGORITHM, "PS256").build());

        Map<String, String> form = TokenEndpoint.form(onlyRequest());
        assertGrantAssertion(form);
        String clientAssertion = form.get("client_assertion");
        assertThat(IndependentJwtVerifier.verify(clientAssertion, TestKeys.RSA.getPublic())).isTrue();
        assertThat(TokenEndpoint.jwtPart(clientAssertion, 0)).containsEntry("alg", "PS256");
        assertThat(TokenEndpoint.jwtPart(clientAssertion, 1)).containsEntry("iss", CLIENT_ID)
                .containsEntry("sub", CLIENT_ID).containsEntry("aud", TokenEndpoint.url(server));
        assertThat(TokenEndpoint.jwtPart(clientAssertion, 1).get("jti"))
                .isNotEqualTo(TokenEndpoint.jwtPart(form.get("assertion"), 1).get("jti"));
    }

    @Test
    void clientSecretJwtSignsWithHs256UnderTheClientSecretWhileTheGrantUsesTheKey() {
        accept(grant().withHeader("Authorization", absent())
                .withRequestBody(containing("client_assertion_type=" + enc(ClientAuthentication.CLIENT_ASSERTION_TYPE)))
                .withRequestBody(notContaining("client_secret=")));

        provider.token(withClient("client_secret_jwt").build());

        Map<String, String> form = TokenEndpoint.form(onlyRequest());
        assertGrantAssertion(form);
        assertThat(TokenEndpoint.jwtPart(form.get("assertion"), 0)).containsEntry("alg", "RS256");
        String clientAssertion = form.get("client_assertion");
        assertThat(TokenEndpoint.jwtPart(clientAssertion, 0)).containsEntry("alg", "HS256");
        assertThat(IndependentJwtVerifier.verifyHs256(clientAssertion, CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(form).containsEntry("client_id", CLIENT_ID).doesNotContainKey("client_secret");
    }

    @Test
    void withoutClientFieldsTheGrantIsSentAloneAsBefore() {
        accept(grant().withHeader("Authorization", absent()).withRequestBody(notContaining("client_")));

        assertThat(provider.token(credential().build()).value().reveal()).isEqualTo("obo-token");
        assertGrantAssertion(TokenEndpoint.form(onlyRequest()));
    }

    @Test
    void noneSendsTheClientIdAlone() {
        accept(grant().withHeader("Authorization", absent()).withRequestBody(containing("client_id=" + enc(CLIENT_ID)))
                .withRequestBody(notContaining("client_secret")).withRequestBody(notContaining("client_assertion")));

        provider.token(credential().field(CredentialField.CLIENT_ID, CLIENT_ID)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "none").build());

        assertThat(TokenEndpoint.form(onlyRequest())).containsEntry("client_id", CLIENT_ID);
    }

    @Test
    void aServerThatRequiresClientAuthenticationRejectsTheGrantAlone() {
        accept(grant().withHeader("Authorization", containing("Basic ")));

        assertThatThrownBy(() -> provider.token(credential().build())).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("invalid_client");
    }

    @Test
    void missingClientFieldsAreNamedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> provider.token(credential()
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET)).build()))
                .isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("client_secret_post needs the field 'clientId'")
                .hasMessageNotContaining(CLIENT_SECRET);
        assertThatThrownBy(() -> provider.token(credential().field(CredentialField.CLIENT_ID, CLIENT_ID)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_basic").build()))
                .hasMessageContaining("client_secret_basic needs the field 'clientSecret'");
        assertThatThrownBy(() -> provider.token(withClient("private_key_jwt").field(CredentialField.ALGORITHM, "HS256")
                .secret(CredentialField.PRIVATE_KEY, Secret.of(TestKeys.HMAC_SECRET)).build()))
                .hasMessageContaining("private_key_jwt signs with a private key");
        assertThatThrownBy(() -> provider.token(withClient("magic").build()))
                .hasMessageContaining("clientAuthenticationMethod 'magic' is unknown");
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }

    @Test
    void formClientIdIsRefusedPointingToTheClientIdField() {
        assertThatThrownBy(() -> provider.token(credential()
                .property(CredentialProperty.plain("form.client_id", CLIENT_ID)).build()))
                .isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("property 'form.client_id' would set the form parameter 'client_id', which"
                                      + " camel-ksm controls")
                .hasMessageContaining("set the credential fields clientId, clientSecret and clientAuthenticationMethod")
                .hasMessageNotContaining("sets itself");
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }

    @Test
    void noneIsRefusedForTheClientCredentialsGrant() {
        Credential credential = Credential.builder("Cc", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, CLIENT_ID).field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "none").build();

        assertThatThrownBy(() -> provider.token(credential)).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("clientAuthenticationMethod none is for the JWT bearer grant");
    }

    @Test
    void theClientSecretNeverShowsInMessagesOrTheRequestsToString() {
        // the server rejects and echoes the secret: the message is cleaned
        server.stubFor(grant().willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + CLIENT_SECRET
                          + "\"}")));

        assertThatThrownBy(() -> provider.token(withClient("client_secret_post").build()))
                .isInstanceOf(KsmTokenException.class).hasMessageContaining("invalid_client")
                .hasMessageNotContaining(CLIENT_SECRET);
    }
}
