package io.camelksm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

class BearerAuthHeaderTest {

    private final BearerAuthHeader bearer = new BearerAuthHeader();

    private static Credential bearer(String token) {
        return Credential.builder("Graph", CredentialType.BEARER).value(CredentialField.TOKEN, token).build();
    }

    @Test
    void rfc6750Example() {
        assertThat(bearer.headerValue(bearer("mF_9.B5f-4.1JqM"), true)).isEqualTo("Bearer mF_9.B5f-4.1JqM");
        assertThat(bearer.headerValue(bearer("mF_9.B5f-4.1JqM"), false)).isEqualTo("mF_9.B5f-4.1JqM");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "abc==", "A-Za-z0-9-._~+/", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "x=" })
    void acceptsB64Tokens(String token) {
        assertThat(bearer.credentials(bearer(token))).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab cd", "abc=d", "=abc", "tök", "abc\n", "a,b", "a\"b" })
    void refusesOtherTokensWithoutShowingThem(String token) {
        assertThatThrownBy(() -> bearer.credentials(bearer(token)))
                .isInstanceOf(KsmException.class)
                .hasMessageStartingWith("The token of credential 'Graph' is not a valid RFC 6750 bearer token")
                .hasMessageContaining("invalid character at position ")
                .hasMessageNotContaining(token);
    }

    @Test
    void emptyTokenIsRefused() {
        assertThatThrownBy(() -> bearer.credentials(bearer("")))
                .isInstanceOf(KsmException.class).hasMessageEndingWith("it is empty");
    }

    @Test
    void positionPointsAtTheFirstBadCharacter() {
        assertThat(BearerAuthHeader.firstInvalidPosition("ab cd".toCharArray())).isEqualTo(2);
        assertThat(BearerAuthHeader.firstInvalidPosition("abc=d".toCharArray())).isEqualTo(4);
        assertThat(BearerAuthHeader.firstInvalidPosition("=abc".toCharArray())).isZero();
        assertThat(BearerAuthHeader.firstInvalidPosition("abc==".toCharArray())).isEqualTo(-1);
    }
}
