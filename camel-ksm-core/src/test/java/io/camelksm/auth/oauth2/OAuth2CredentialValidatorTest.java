package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * Write-time checks give exactly the message the first exchange would give; nothing is sent (the token URL does not
 * exist).
 */
class OAuth2CredentialValidatorTest {

    private static final String TOKEN_URL = "https://login.invalid/token";

    private final OAuth2TokenProvider exchange = OAuth2TokenProvider.create(OAuth2Settings.builder()
            .clock(Clock.systemUTC()).build());

    @AfterEach
    void close() throws Exception {
        exchange.close();
    }

    private static Credential.Builder clientCredentials() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "app-1").field(CredentialField.TOKEN_URL, TOKEN_URL);
    }

    private static Credential.Builder jwtBearer(Secret key) {
        return Credential.builder("Salesforce", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, "bot").field(CredentialField.TOKEN_URL, TOKEN_URL)
                .secret(CredentialField.PRIVATE_KEY, key);
    }

    @Test
    void refusesWhatTheFirstExchangeWouldRefuseWithTheSameMessage() {
        Secret pkcs1 = Secret.of(TestKeys.pem(TestKeys.RSA).reveal().replace("BEGIN PRIVATE", "BEGIN RSA PRIVATE")
                .replace("END PRIVATE", "END RSA PRIVATE"));
        List<Credential> bad = List.of(
                clientCredentials().build(), // no client secret
                clientCredentials().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_bsic")
                        .secret(CredentialField.CLIENT_SECRET, Secret.of("s3cr3t")).build(),
                clientCredentials().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")
                        .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA_1024)).build(),
                clientCredentials().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_jwt")
                        .secret(CredentialField.CLIENT_SECRET, Secret.of("short")).build(),
                jwtBearer(pkcs1).build(),
                jwtBearer(TestKeys.pem(TestKeys.EC_P384)).field(CredentialField.ALGORITHM, "ES256").build(),
                jwtBearer(TestKeys.pem(TestKeys.EC)).build());
        List<String> problems = List.of("client_secret_basic needs the field 'clientSecret'",
                "clientAuthenticationMethod 'client_secret_bsic' is unknown", "at least 2048 bits",
                "shorter than 256 bits", "PKCS#1", "ES256 needs an EC key on the P-256 curve",
                "not a valid PKCS#8 RSA key");

        for (int i = 0; i < bad.size(); i++) {
            Credential credential = bad.get(i);
            String atTheExchange = catchMessage(() -> exchange.token(credential));

            assertThatThrownBy(() -> OAuth2CredentialValidator.INSTANCE.validate(credential))
                    .as(problems.get(i)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(atTheExchange).hasMessageContaining(problems.get(i))
                    .hasMessageNotContaining("MII").hasMessageNotContaining("s3cr3t");
        }
    }

    @Test
    void acceptsWorkingCredentialsWithoutSendingAnything() {
        assertThatCode(() -> {
            OAuth2CredentialValidator.INSTANCE.validate(clientCredentials()
                    .secret(CredentialField.CLIENT_SECRET, Secret.of("s3cr3t")).build());
            OAuth2CredentialValidator.INSTANCE.validate(clientCredentials()
                    .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")
                    .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA)).build());
            OAuth2CredentialValidator.INSTANCE.validate(jwtBearer(TestKeys.pem(TestKeys.EC))
                    .field(CredentialField.ALGORITHM, "ES256").build());
            // plain http is the exchange's decision (allowPlainHttp), not the store's
            OAuth2CredentialValidator.INSTANCE.validate(jwtBearer(TestKeys.pem(TestKeys.RSA))
                    .field(CredentialField.TOKEN_URL, "http://idp.internal/token").build());
        }).doesNotThrowAnyException();
    }

    @Test
    void otherTypesAreNotItsConcern() {
        assertThatCode(() -> OAuth2CredentialValidator.INSTANCE.validate(Credential.builder("Api", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "bot").secret(CredentialField.PASSWORD, Secret.of("pw")).build()))
                .doesNotThrowAnyException();
    }

    private static String catchMessage(Runnable action) {
        try {
            action.run();
        } catch (KsmTokenException e) {
            assertThat(e.getReason()).isEqualTo(KsmTokenException.Reason.CONFIGURATION);
            return e.getMessage();
        }
        throw new AssertionError("the exchange did not refuse the credential");
    }
}
