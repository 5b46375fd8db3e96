package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * Plain http carries a client secret only to loopback: IP literals in 127.0.0.0/8, [::1] and localhost, decided on the
 * parsed address, never on how the host name starts.
 */
class PlainHttpGuardTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    @RegisterExtension
    final TokenProviderExtension tokens = new TokenProviderExtension(server, "tok", 3600);

    private static final String SECRET = "s3cr3t-value";

    private static Credential credential(String tokenUrl) {
        return Credential.builder("Api", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(SECRET))
                .field(CredentialField.TOKEN_URL, tokenUrl).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.attacker.example/token", "http://127.0.0.1.nip.io/token",
            "http://localhost.attacker.example/token", "http://LOCALHOST.attacker.example/token",
            "http://127.0.0.1.attacker.example:8080/token", "http://0x7f.1/token", "http://0x7f000001/token",
            "http://2130706433/token", "http://0177.0.0.1/token", "http://127.1/token", "http://127.0.0.01/token",
            "http://[::2]/token", "http://[fe80::1]/token", "http://[::1%25lo]/token", "http://[::ffff:10.0.0.1]/token",
            "http://127.0.0.1@evil.example/token", "http://evil.example/127.0.0.1/token",
            "http://localhost.:8080/token"})
    void plainHttpToAnythingButALoopbackLiteralIsRefusedBeforeAnythingIsSent(String url) {
        assertThatThrownBy(() -> tokens.provider().token(credential(url))).isInstanceOf(KsmTokenException.class)
                .hasMessageNotContaining(SECRET)
                .satisfies(e -> assertThat(((KsmTokenException) e).getReason())
                        .isEqualTo(KsmTokenException.Reason.CONFIGURATION))
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("plain http", "user info",
                        "absolute https URL"));
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/oauth2/token", "http://localhost:%d/oauth2/token",
            "http://LOCALHOST:%d/oauth2/token"})
    void plainHttpToLoopbackIsAllowed(String url) {
        AccessToken token = tokens.provider().token(credential(String.format(url, server.getPort())));

        assertThat(token.authorizationHeaderValue()).isEqualTo("Bearer tok");
    }

    @Test
    void loopbackMeansAParsedLoopbackAddress() {
        assertThat(LoopbackHost.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackHost.isLoopback("127.1.2.3")).isTrue();
        assertThat(LoopbackHost.isLoopback("127.255.255.254")).isTrue();
        assertThat(LoopbackHost.isLoopback("[::1]")).isTrue();
        assertThat(LoopbackHost.isLoopback("[0:0:0:0:0:0:0:1]")).isTrue();
        assertThat(LoopbackHost.isLoopback("localhost")).isTrue();
        assertThat(LoopbackHost.isLoopback("LocalHost")).isTrue();

        assertThat(LoopbackHost.isLoopback("127.attacker.example")).isFalse();
        assertThat(LoopbackHost.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(LoopbackHost.isLoopback("localhost.attacker.example")).isFalse();
        assertThat(LoopbackHost.isLoopback("128.0.0.1")).isFalse();
        assertThat(LoopbackHost.isLoopback("127.0.0.256")).isFalse();
        assertThat(LoopbackHost.isLoopback("127.0.0")).isFalse();
        assertThat(LoopbackHost.isLoopback("0x7f.1")).isFalse();
        assertThat(LoopbackHost.isLoopback("::1")).isFalse(); // URI hosts keep their brackets
        assertThat(LoopbackHost.isLoopback("[::2]")).isFalse();
        assertThat(LoopbackHost.isLoopback("[::1%lo]")).isFalse();
        assertThat(LoopbackHost.isLoopback("")).isFalse();
        assertThat(LoopbackHost.isLoopback(null)).isFalse();
    }
}
