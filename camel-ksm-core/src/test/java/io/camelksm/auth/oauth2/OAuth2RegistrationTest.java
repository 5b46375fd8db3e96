package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** A credential parsed once into a registration: what it holds, what it refuses and how it says so. */
class OAuth2RegistrationTest {

    private static final String TOKEN_URL = "https://login.example/token?tenant=t1";
    private static final String SECRET = "s3cr3t-client-value";
    private static final OAuth2Settings SETTINGS = OAuth2Settings.builder().assertionLifetime(Duration.ofMinutes(3))
            .build();

    private static Credential.Builder clientCredentials() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, " app-1 ").field(CredentialField.TOKEN_URL, TOKEN_URL);
    }

    private static Credential.Builder jwtBearer() {
        return Credential.builder("Salesforce", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, "bot").field(CredentialField.TOKEN_URL, TOKEN_URL)
                .field(CredentialField.CLIENT_ID, "app-1").secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA));
    }

    @Test
    void holdsWhatTheClientCredentialsGrantNeeds() {
        Credential credential = clientCredentials().secret(CredentialField.CLIENT_SECRET, Secret.of(SECRET))
                .field(CredentialField.SCOPE, " read write ").field(CredentialField.AUDIENCE, "api")
                .property(new CredentialProperty("form.resource", Secret.of("https://api.example"), false))
                .property(new CredentialProperty("form.tenant", Secret.of("t1"), false)).build();

        OAuth2Registration registration = OAuth2Registration.parse(credential, SETTINGS);

        assertThat(registration.grant()).isInstanceOf(ClientCredentialsGrant.class);
        assertThat(registration.tokenUrl()).hasToString(TOKEN_URL);
        assertThat(registration.clientId()).isEqualTo("app-1");
        assertThat(registration.clientAuthentication().method()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(registration.clientSecret()).as("the credential's own secret, not a copy")
                .isSameAs(credential.secret(CredentialField.CLIENT_SECRET).orElseThrow());
        assertThat(registration.scope()).isEqualTo("read write");
        assertThat(registration.audience()).isEqualTo("api");
        assertThat(registration.resource()).isEqualTo("https://api.example");
        assertThat(registration.formParameters()).containsOnlyKeys("tenant");
        assertThat(registration.grantFields().issuer()).isNull();
        assertThat(registration.grantFields().clientAssertionAlgorithm()).as("client_secret_basic signs nothing")
                .isNull();
    }

    @Test
    void holdsWhatTheJwtBearerGrantNeeds() {
        OAuth2Registration registration = OAuth2Registration.parse(jwtBearer().field(CredentialField.KEY_ID, "kid-1")
                .field(CredentialField.ALGORITHM, "ps256").build(), SETTINGS);

        assertThat(registration.grant()).isInstanceOf(JwtBearerGrant.class);
        assertThat(registration.clientAuthentication().method()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(registration.keyId()).isEqualTo("kid-1");
        GrantFields fields = registration.grantFields();
        assertThat(fields.issuer()).isEqualTo("bot");
        assertThat(fields.subject()).as("the issuer acts for itself by default").isEqualTo("bot");
        assertThat(fields.assertionAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        assertThat(fields.assertionLifetime()).as("the settings' default").isEqualTo(Duration.ofMinutes(3));
        assertThat(OAuth2Registration.parse(jwtBearer().field(CredentialField.SUBJECT, "user@example")
                .field(CredentialField.ASSERTION_LIFETIME, "PT90S").build(), SETTINGS).grantFields())
                .extracting(GrantFields::subject, GrantFields::assertionLifetime)
                .containsExactly("user@example", Duration.ofSeconds(90));
    }

    @Test
    void eachGrantHasItsOwnDefaultClientAuthentication() {
        assertThat(method(clientCredentials().secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA))))
                .isEqualTo(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(method(clientCredentials().secret(CredentialField.CLIENT_SECRET, Secret.of(SECRET))
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA))))
                .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(method(jwtBearer().secret(CredentialField.CLIENT_SECRET, Secret.of(SECRET))))
                .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(method(jwtBearer().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")))
                .isEqualTo(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    }

    /** Each bad credential with the field its message must name; every one carries the secret, which must not leak. */
    @Test
    void parsingErrorsNameTheFieldAndNeverASecret() {
        Map<Credential, String> bad = Map.of(
                withSecret(clientCredentials().field(CredentialField.TOKEN_URL, " ")), "'tokenUrl' is missing",
                withSecret(clientCredentials().field(CredentialField.TOKEN_URL, "ftp://idp/token")), "tokenUrl must be",
                withSecret(clientCredentials().field(CredentialField.TOKEN_URL, "http://idp.example/token")),
                "tokenUrl http://idp.example/token uses plain http",
                withSecret(clientCredentials().field(CredentialField.CLIENT_ID, " ")),
                "client_secret_basic needs the field 'clientId'",
                withSecret(clientCredentials().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "none")),
                "clientAuthenticationMethod none is for the JWT bearer grant",
                withSecret(clientCredentials().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_jwt")
                        .field(CredentialField.ALGORITHM, "RS256")), "client_secret_jwt signs with HS256",
                withSecret(clientCredentials().property(new CredentialProperty("form.client_secret",
                        Secret.of(SECRET), true))), "property 'form.client_secret' would set the form parameter",
                withSecret(jwtBearer().field(CredentialField.ISSUER, "")), "the field 'issuer' is missing",
                withSecret(jwtBearer().field(CredentialField.ALGORITHM, "none")), "algorithm 'none' is not supported",
                withSecret(jwtBearer().field(CredentialField.ASSERTION_LIFETIME, "P2D")),
                "assertionLifetime PT48H must be positive and at most one day");

        bad.forEach((credential, problem) -> assertThatThrownBy(() -> OAuth2Registration.parse(credential, SETTINGS))
                .as(problem).isInstanceOf(KsmTokenException.class)
                .hasMessageStartingWith("Cannot request a token for credential '" + credential.name() + "': ")
                .hasMessageContaining(problem).hasMessageNotContaining(SECRET).hasMessageNotContaining("MII")
                .extracting(e -> ((KsmTokenException) e).getReason()).isEqualTo(KsmTokenException.Reason.CONFIGURATION));
    }

    @Test
    void aMissingPrivateKeyIsNamed() {
        assertThatThrownBy(() -> OAuth2Registration.parse(Credential.builder("Sf", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, "bot").field(CredentialField.TOKEN_URL, TOKEN_URL)
                .secret(CredentialField.PRIVATE_KEY, Secret.of("")).build(), SETTINGS))
                .hasMessageEndingWith("the field 'privateKey' is missing");
    }

    @Test
    void otherTypesAreRefusedNamingTheOAuthTypes() {
        Credential basic = Credential.builder("Crm", CredentialType.BASIC).field(CredentialField.USERNAME, "u")
                .secret(CredentialField.PASSWORD, Secret.of(SECRET)).build();
        assertThatThrownBy(() -> OAuth2Registration.parse(basic, SETTINGS)).isInstanceOf(KsmTokenException.class)
                .hasMessageEndingWith("it is a BASIC credential, not OAUTH2_CLIENT_CREDENTIALS or OAUTH2_JWT_BEARER");
    }

    @Test
    void toStringShowsNoSecretAndNoQuery() {
        for (Credential credential : List.of(withSecret(clientCredentials()), withSecret(jwtBearer()))) {
            String text = OAuth2Registration.parse(credential, SETTINGS).toString();
            assertThat(text).contains("credential=" + credential.name(), "tokenUrl=https://login.example/token",
                    "clientId=app-1", "clientSecret=******").doesNotContain(SECRET, "MII", "tenant=t1");
        }
    }

    private static Credential withSecret(Credential.Builder builder) {
        return builder.secret(CredentialField.CLIENT_SECRET, Secret.of(SECRET)).build();
    }

    private static ClientAuthenticationMethod method(Credential.Builder builder) {
        return OAuth2Registration.parse(builder.build(), SETTINGS).clientAuthentication().method();
    }
}
