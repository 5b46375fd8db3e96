package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** Each grant strategy's own form parameters, and the registry that finds the grant of a credential type. */
class OAuth2GrantStrategiesTest {

    private static final URI TOKEN_URL = URI.create("https://login.example/token");
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final OAuth2Settings SETTINGS = OAuth2Settings.defaults();

    @Test
    void everyOAuthTypeHasItsGrantAndNoOtherTypeHasOne() {
        for (CredentialType type : CredentialType.values()) {
            if (type.isOAuth2()) {
                assertThat(OAuth2Grants.forType(type)).as(type.name()).hasValueSatisfying(
                        grant -> assertThat(grant.credentialType()).isEqualTo(type));
            } else {
                assertThat(OAuth2Grants.forType(type)).as(type.name()).isEmpty();
            }
        }
    }

    @Test
    void clientCredentialsSendsScopeAndAudienceAndNothingSigned() {
        OAuth2Registration registration = OAuth2Registration.parse(Credential.builder("Graph",
                CredentialType.OAUTH2_CLIENT_CREDENTIALS).field(CredentialField.CLIENT_ID, "app-1")
                .field(CredentialField.TOKEN_URL, TOKEN_URL.toString())
                .secret(CredentialField.CLIENT_SECRET, Secret.of("s3cr3t")).build(), SETTINGS);
        OAuth2Grant grant = registration.grant();

        assertThat(grant.grantType()).isEqualTo("client_credentials");
        assertThat(form(grant, registration, new GrantParameters(grant.grantType(), TOKEN_URL, "read", "api", null,
                null))).containsExactly(Map.entry("scope", "read"), Map.entry("audience", "api"));
        assertThat(form(grant, registration, new GrantParameters(grant.grantType(), TOKEN_URL, null, null, null,
                null))).as("nothing optional is sent empty").isEmpty();
        assertThat(grant.subject(registration, TokenRequestOptions.none())).isNull();
        assertThatThrownBy(() -> grant.subject(registration, TokenRequestOptions.none().withSubject("bob")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a subject applies to the JWT bearer grant only, not to OAUTH2_CLIENT_CREDENTIALS");
    }

    @Test
    void jwtBearerSignsTheAssertionForTheSubjectAndAudience() throws Exception {
        OAuth2Registration registration = OAuth2Registration.parse(Credential.builder("Sf",
                CredentialType.OAUTH2_JWT_BEARER).field(CredentialField.ISSUER, "consumer-key")
                .field(CredentialField.SUBJECT, "bot@example").field(CredentialField.KEY_ID, "kid-9")
                .field(CredentialField.TOKEN_URL, TOKEN_URL.toString())
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA)).build(), SETTINGS);
        OAuth2Grant grant = registration.grant();
        assertThat(grant.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(grant.subject(registration, TokenRequestOptions.none())).isEqualTo("bot@example");
        String subject = grant.subject(registration, TokenRequestOptions.none().withSubject("alice@example"));
        assertThat(subject).as("the endpoint's subject wins").isEqualTo("alice@example");

        List<FormParameter> form = new ArrayList<>();
        grant.addParameters(registration, new GrantParameters(grant.grantType(), TOKEN_URL, "api", null, null,
                subject), NOW, form);

        assertThat(form).extracting(FormParameter::name).containsExactly("assertion", "scope");
        assertThat(form.get(0).secret()).as("the assertion is masked").isTrue();
        SignedJWT jwt = SignedJWT.parse(form.get(0).value().reveal());
        assertThat(IndependentJwtVerifier.verify(jwt.serialize(), TestKeys.RSA.getPublic())).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-9");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("consumer-key");
        assertThat(claims.getSubject()).isEqualTo("alice@example");
        assertThat(claims.getAudience()).as("the token URL without an audience").containsExactly(TOKEN_URL.toString());
        assertThat(claims.getStringClaim("scope")).isEqualTo("api");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(SETTINGS.assertionLifetime()));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    private static Map<String, String> form(OAuth2Grant grant, OAuth2Registration registration, GrantParameters p) {
        List<FormParameter> form = new ArrayList<>();
        grant.addParameters(registration, p, NOW, form);
        assertThat(form).noneMatch(FormParameter::secret);
        return form.stream().collect(Collectors.toMap(FormParameter::name, f -> f.value().reveal(), (a, b) -> a,
                LinkedHashMap::new));
    }
}
