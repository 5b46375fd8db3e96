package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialPropertyTest {

    @ParameterizedTest
    @ValueSource(strings = { "password", "dbPassword", "PASSWD", "passphrase", "clientSecret", "x.token",
            "accessToken", "apikey", "api-key", "api_key", "apiKey", "privateKey", "credential", "pin", "simPin",
            "sim_pin", "pwd", "otp", "key" })
    void namesThatSaySecretLookSecret(String name) {
        assertThat(CredentialProperty.looksSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "region", "tenant", "monkey", "spinner", "keyboard", "pinned", "passenger", "url",
            "form.resource", "description" })
    void otherNamesDoNot(String name) {
        assertThat(CredentialProperty.looksSecret(name)).isFalse();
    }
}
