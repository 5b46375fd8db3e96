package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code to("ksm:Salesforce")} on an OAUTH2_JWT_BEARER credential: the RS256 assertion WireMock receives verifies
 * with the JDK against the public key, its claims are the credential's (or the endpoint's subject), and the access
 * token reaches the API.
 */
class KsmOAuth2JwtBearerTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final String ISSUER = "3MVG9-connected-app";
    private static final String AUDIENCE = "https://login.salesforce.example";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Salesforce", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, ISSUER)
                .field(CredentialField.SUBJECT, "integration@example.com")
                .field(CredentialField.AUDIENCE, AUDIENCE)
                .field(CredentialField.SCOPE, "api")
                .field(CredentialField.KEY_ID, "sf-key")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server))
                .secret(CredentialField.PRIVATE_KEY, OAuth2Wire.pem(OAuth2Wire.RSA)).build());
        ksm.grantAnyone("Salesforce");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:accounts").routeId("accounts")
                        .to("ksm:Salesforce")
                        .to(OAuth2Wire.api(server, "/api/accounts"));
                from("direct:asUser").routeId("asUser").to("ksm:Salesforce?subject=bot01@example.com");
                from("direct:obo").routeId("obo").to("ksm:Obo").to(OAuth2Wire.api(server, "/api/accounts"));
            }
        };
    }

    @Test
    void signedAssertionIsExchangedForTheBearerToken() {
        OAuth2Wire.issue(server, "sf-token-1", 7200);
        server.stubFor(get(urlEqualTo("/api/accounts")).withHeader("Authorization", equalTo("Bearer sf-token-1"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));

        Exchange out = template.request("direct:accounts", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("[]");
        assertThat(out.getMessage().getHeader(KsmConstants.CREDENTIAL_TYPE)).isEqualTo("OAUTH2_JWT_BEARER");
        Map<String, String> form = OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(0));
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .containsEntry("scope", "api").doesNotContainKey("client_secret");
        String assertion = form.get("assertion");
        assertThat(OAuth2Wire.verifyRs256(assertion, OAuth2Wire.RSA.getPublic())).as("signature").isTrue();
        assertThat(OAuth2Wire.verifyRs256(OAuth2Wire.tamper(assertion, "sub", "admin@example.com"),
                OAuth2Wire.RSA.getPublic())).as("tampered").isFalse();
        assertThat(OAuth2Wire.jwtPart(assertion, 0)).containsEntry("alg", "RS256").containsEntry("kid", "sf-key");
        Map<String, Object> claims = OAuth2Wire.jwtPart(assertion, 1);
        assertThat(claims).containsEntry("iss", ISSUER).containsEntry("sub", "integration@example.com")
                .containsEntry("aud", AUDIENCE).containsEntry("scope", "api").containsKeys("iat", "exp", "jti");
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).as("default assertion lifetime, seconds").isEqualTo(300);
    }

    @Test
    void subjectOptionActsForAnotherUserWithItsOwnToken() {
        OAuth2Wire.issue(server, "sf-token-2", 7200);

        template.request("direct:accounts", e -> { });
        Exchange out = template.request("direct:asUser", e -> { });
        template.request("direct:asUser", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(OAuth2Wire.tokenRequests(server)).as("one token per subject").hasSize(2);
        String assertion = OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(1)).get("assertion");
        assertThat(OAuth2Wire.jwtPart(assertion, 1)).containsEntry("sub", "bot01@example.com");
    }

    @Test
    void aStoredJwtBearerCredentialAuthenticatesItsClientWhereTheServerRequiresIt() {
        ksm.add(Credential.builder("Obo", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, ISSUER)
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server))
                .secret(CredentialField.PRIVATE_KEY, OAuth2Wire.pem(OAuth2Wire.RSA))
                .field(CredentialField.CLIENT_ID, "obo-client")
                .value(CredentialField.CLIENT_SECRET, "obo-secret")
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_basic").build());
        ksm.grantAnyone("Obo");
        // the server issues a token to the authenticated client only
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).withHeader("Authorization", equalTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("obo-client:obo-secret".getBytes())))
                .willReturn(okJson(OAuth2Wire.tokenJson("obo-token", 3600))));
        server.stubFor(get(urlEqualTo("/api/accounts")).withHeader("Authorization", equalTo("Bearer obo-token"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));

        Exchange out = template.request("direct:obo", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("[]");
        assertThat(OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(0)))
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").containsKey("assertion");
    }

    @Test
    void subjectOnAClientCredentialsCredentialIsAConfigurationError() {
        ksm.add(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "c").value(CredentialField.CLIENT_SECRET, "s")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.grantAnyone("Graph");

        Exchange out = template.request("ksm:Graph?subject=someone", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("subject applies to the JWT bearer grant only");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
