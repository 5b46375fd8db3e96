package io.camelksm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

class BasicAuthHeaderTest {

    private final BasicAuthHeader basic = new BasicAuthHeader();

    private static Credential basic(String username, String password) {
        return Credential.builder("Api", CredentialType.BASIC)
                .field(CredentialField.USERNAME, username).value(CredentialField.PASSWORD, password).build();
    }

    @Test
    void rfc7617Example() {
        assertThat(basic.headerValue(basic("Aladdin", "open sesame"), true))
                .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void rfc7617Utf8Example() {
        // RFC 7617 section 2.1: user-id "test", password "123£" with charset UTF-8
        assertThat(basic.headerValue(basic("test", "123\u00A3"), true)).isEqualTo("Basic dGVzdDoxMjPCow==");
    }

    @Test
    void withoutSchemeForApiKeyStyleHeaders() {
        assertThat(basic.headerValue(basic("Aladdin", "open sesame"), false)).isEqualTo("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void passwordMayContainColonsAndBeEmpty() {
        assertThat(basic.credentials(basic("u", "a:b"))).isEqualTo("dTphOmI=");
        assertThat(basic.credentials(basic("u", ""))).isEqualTo("dTo=");
    }

    @Test
    void usernameWithAColonIsAnErrorThatShowsNeitherValue() {
        assertThatThrownBy(() -> basic.credentials(basic("corp:alice", "hunter2")))
                .isInstanceOf(KsmException.class)
                .hasMessage("The username of credential 'Api' contains ':', which HTTP Basic authentication (RFC 7617)"
                            + " does not allow")
                .hasMessageNotContaining("alice").hasMessageNotContaining("hunter2");
    }

    @Test
    void controlCharactersAreRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> basic.credentials(basic("alice", "hun\nter2")))
                .isInstanceOf(KsmException.class)
                .hasMessageContaining("password of credential 'Api' contains a control character")
                .hasMessageNotContaining("hun");
        assertThatThrownBy(() -> basic.credentials(basic("al\u0000ice", "x")))
                .hasMessageContaining("username of credential 'Api' contains a control character");
    }

    @Test
    void leavesTheCredentialUsable() {
        Credential credential = basic("Aladdin", "open sesame");
        basic.credentials(credential);

        assertThat(credential.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("open sesame");
    }
}
