package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverShowsItsValue() {
        Secret secret = Secret.of("open sesame");
        assertThat(secret.toString()).doesNotContain("open").doesNotContain("sesame");
        assertThat(String.valueOf(secret)).isEqualTo("******");
    }

    @Test
    void comparesByValue() {
        assertThat(Secret.of("abc").matches(Secret.of("abc"))).isTrue();
        assertThat(Secret.of("abc").matches(Secret.of("abd"))).isFalse();
        assertThat(Secret.of("abc").matches(Secret.of("abcd"))).isFalse();
        assertThat(Secret.of("abc").matches(null)).isFalse();
        assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("xyz"));
        // the hash must not depend on the value
        assertThat(Secret.of("abc").hashCode()).isEqualTo(Secret.of("xyz").hashCode());
    }

    @Test
    void roundTripsUtf8() {
        Secret secret = Secret.of("pässwörd-密码");
        byte[] utf8 = secret.utf8();
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo("pässwörd-密码");
        assertThat(Secret.ofUtf8(utf8).reveal()).isEqualTo("pässwörd-密码");
    }

    @Test
    void copiesInputAndOutput() {
        char[] input = "hunter2".toCharArray();
        Secret secret = Secret.of(input);
        input[0] = 'X';
        char[] out = secret.chars();
        out[1] = 'Y';
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void destroyWipesAndForbidsUse() {
        Secret secret = Secret.of("hunter2");
        secret.destroy();
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
    }
}
