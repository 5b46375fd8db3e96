package io.camelksm.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.component.KsmComponent;
import io.camelksm.component.KsmOAuth2;
import io.camelksm.component.KsmOAuth2Token;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * {@code ksm:} routes against a real OAuth 2.0 authorization server (Spring Authorization Server, in this JVM on
 * loopback): client credentials with each client-authentication method, the API's scope check on the token the server
 * minted, and a new token once a short-lived one has expired. The credentials are stored in the embedded store through
 * the API the component tests use; nothing is mocked.
 */
class KsmSpringAuthorizationServerTest extends KsmCamelTestSupport {

    @RegisterExtension
    static final SpringAuthorizationServer SERVER = new SpringAuthorizationServer();

    @Override
    protected RouteBuilder createRouteBuilder() {
        store("Basic", InteropClients.BASIC, b -> b
                .value(CredentialField.CLIENT_SECRET, InteropClients.secret(InteropClients.BASIC)));
        store("Post", InteropClients.POST, b -> b
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .value(CredentialField.CLIENT_SECRET, InteropClients.secret(InteropClients.POST)));
        store("Private Key Jwt", InteropClients.PRIVATE_KEY_JWT, b -> b
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")
                .field(CredentialField.KEY_ID, InteropClients.CLIENT_KEY_ID)
                .secret(CredentialField.PRIVATE_KEY, pem()));
        store("Client Secret Jwt", InteropClients.CLIENT_SECRET_JWT, b -> b
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_jwt")
                .value(CredentialField.CLIENT_SECRET, InteropClients.HMAC_SECRET));
        store("Short Lived", InteropClients.SHORT_LIVED,
                b -> b.value(CredentialField.CLIENT_SECRET, InteropClients.secret(InteropClients.SHORT_LIVED)));
        store("Profile Only", InteropClients.PROFILE_ONLY,
                b -> b.value(CredentialField.CLIENT_SECRET, InteropClients.secret(InteropClients.PROFILE_ONLY)));
        store("Wrong Secret", InteropClients.BASIC,
                b -> b.value(CredentialField.CLIENT_SECRET, "not-" + InteropClients.secret(InteropClients.BASIC)));
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the credential and the scope it asks for come from headers: one route serves every case
                from("direct:api").routeId("api")
                        .toD("ksm:${header.credential}?scope=${header.scope}")
                        .to(SERVER.api());
                from("direct:token").routeId("token")
                        .toD("ksm:${header.credential}?scope=${header.scope}");
            }
        };
    }

    private void store(String name, String clientId, UnaryOperator<Credential.Builder> rest) {
        ksm.add(rest.apply(Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, clientId)
                .field(CredentialField.TOKEN_URL, SERVER.tokenUrl())).build());
        ksm.grantAnyone(name);
    }

    private Exchange call(String endpoint, String credential, String scope) {
        return template.request(endpoint, e -> {
            e.getMessage().setHeader("credential", credential);
            e.getMessage().setHeader("scope", scope);
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "Basic, " + InteropClients.BASIC,
            "Post, " + InteropClients.POST,
            "Private Key Jwt, " + InteropClients.PRIVATE_KEY_JWT,
            "Client Secret Jwt, " + InteropClients.CLIENT_SECRET_JWT })
    void eachClientAuthenticationMethodGetsATokenTheApiAccepts(String credential, String clientId) {
        int issuedBefore = SERVER.issuedTo(clientId);

        Exchange out = call("direct:api", credential, InteropClients.API_SCOPE);

        assertThat(out.getException()).isNull();
        assertThat(json(out.getMessage().getBody(String.class)))
                .containsEntry("client", clientId).containsEntry("scope", List.of(InteropClients.API_SCOPE));
        assertThat(SERVER.issuedTo(clientId) - issuedBefore).as("tokens the server issued").isEqualTo(1);
        // the token is the server's signed JWT for this client, with the scope asked for
        Map<String, Object> claims = jwtClaims(bearer(out));
        assertThat(claims).containsEntry("sub", clientId).containsEntry("scope", List.of(InteropClients.API_SCOPE))
                .containsEntry("iss", SERVER.baseUrl());
    }

    @Test
    void theApiRefusesATokenWithoutItsScope() {
        Exchange out = call("direct:api", "Basic", InteropClients.OTHER_SCOPE);

        assertThat(out.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) out.getException()).getStatusCode()).isEqualTo(403);
        assertThat(jwtClaims(bearer(out))).containsEntry("scope", List.of(InteropClients.OTHER_SCOPE));

        Exchange allowed = call("direct:api", "Basic", InteropClients.API_SCOPE);
        assertThat(allowed.getException()).as("the same client with the API's scope").isNull();
    }

    @Test
    void theServerRefusesAScopeTheClientMayNotAskFor() {
        Exchange out = call("direct:token", "Profile Only", InteropClients.API_SCOPE);

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("invalid_scope").hasMessageContaining("Profile Only")
                .hasMessageNotContaining("s3cr3t");
        assertThat(((KsmTokenException) out.getException()).getHttpStatus()).isEqualTo(400);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(SERVER.issuedTo(InteropClients.PROFILE_ONLY)).isZero();
    }

    @Test
    void aWrongClientSecretIsRefusedAsInvalidClient() {
        Exchange out = call("direct:token", "Wrong Secret", InteropClients.API_SCOPE);

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("Wrong Secret")
                .hasMessageNotContaining("s3cr3t");
        assertThat(((KsmTokenException) out.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void anExpiredTokenIsReplacedByANewOne() throws InterruptedException {
        int issuedBefore = SERVER.issuedTo(InteropClients.SHORT_LIVED);

        // no API call between the two: the second exchange comes well within the token's usable 2.25 s
        Exchange first = call("direct:token", "Short Lived", InteropClients.API_SCOPE);
        Exchange second = call("direct:token", "Short Lived", InteropClients.API_SCOPE);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(bearer(second)).as("the cached token").isEqualTo(bearer(first));
        assertThat(SERVER.issuedTo(InteropClients.SHORT_LIVED) - issuedBefore).isEqualTo(1);
        KsmOAuth2Token token = KsmOAuth2.token(first);
        assertThat(token.getExpiresAt()).as("the server's 3 s lifetime")
                .isBefore(Instant.now().plus(InteropClients.SHORT_TTL));

        // wait out the token's lifetime as the server set it
        while (!Instant.now().isAfter(token.getExpiresAt())) {
            Thread.sleep(100);
        }
        Exchange third = call("direct:api", "Short Lived", InteropClients.API_SCOPE);

        assertThat(third.getException()).isNull();
        assertThat(bearer(third)).as("a new token").isNotEqualTo(bearer(first));
        assertThat(SERVER.issuedTo(InteropClients.SHORT_LIVED) - issuedBefore).isEqualTo(2);
        assertThat(context.getComponent("ksm", KsmComponent.class).getOauth2TokenProvider().statistics()
                .tokensFetched()).isEqualTo(2);
    }

    private static String bearer(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        assertThat(header).startsWith("Bearer ");
        return header.substring("Bearer ".length());
    }

    private static Map<String, Object> jwtClaims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new ObjectMapper().readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Secret pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(InteropClients.CLIENT_KEY.getPrivate().getEncoded());
        return Secret.of("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }
}
