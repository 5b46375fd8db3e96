package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.Secret;

class StreamSecretSourceTest {

    private static StreamSecretSource source(String input) {
        return new StreamSecretSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsOneValuePerLineInOrder() {
        StreamSecretSource source = source("open sesame\r\nsecond\nlast-without-newline");

        assertThat(source.read("password").reveal()).isEqualTo("open sesame");
        assertThat(source.read("token").reveal()).isEqualTo("second");
        assertThat(source.read("other").reveal()).isEqualTo("last-without-newline");
    }

    @Test
    void keepsUtf8AndSpaces() {
        assertThat(source("  pässwörd ✓ \n").read("password").reveal()).isEqualTo("  pässwörd ✓ ");
    }

    @Test
    void readsAPemBlockAsOneValue() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIB\nABCD\n-----END PRIVATE KEY-----\n";
        StreamSecretSource source = source(pem + "after\n");

        Secret key = source.read("privateKey");

        assertThat(key.reveal()).isEqualTo(pem);
        assertThat(source.read("next").reveal()).isEqualTo("after");
    }

    @Test
    void anUnterminatedPemBlockIsRefused() {
        assertThatThrownBy(() -> source("-----BEGIN PRIVATE KEY-----\nMIIB\n").read("privateKey of 'X'"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("privateKey of 'X'")
                .hasMessageContaining("-----END");
    }

    @Test
    void theEndOfInputNamesTheMissingValue() {
        StreamSecretSource source = source("only-one\n");
        source.read("password");

        assertThatThrownBy(() -> source.read("value of the secret property 'apiKey'"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("value of the secret property 'apiKey'")
                .hasMessageContaining("input ended");
    }

    @Test
    void anEmptyLineIsRefused() {
        assertThatThrownBy(() -> source("\nnext\n").read("password"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("password")
                .hasMessageContaining("empty");
    }
}
