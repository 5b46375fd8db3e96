package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigJsonTest {

    @Test
    void writesSortedPrettyJsonThatParsesBack() throws Exception {
        Map<String, String> config = Map.of("hostname", "keepersecurity.eu", "clientId", "Q2xpZW50\"Id\\",
                "appKey", "ünïcødé");

        byte[] json = ConfigJson.write(config);

        assertThat(ConfigJson.parse(json)).isEqualTo(config);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text.indexOf("appKey")).isLessThan(text.indexOf("clientId"));
        assertThat(text).contains("\n");
    }

    @Test
    void nullValuesAreLeftOut() throws Exception {
        // Keeper's LocalConfigStorage writes unset keys as null
        assertThat(ConfigJson.parse(bytes("{\"clientId\":\"x\",\"clientKey\":null}")))
                .containsExactly(Map.entry("clientId", "x"));
    }

    @Test
    void anEmptyObjectIsAnEmptyConfig() throws Exception {
        assertThat(ConfigJson.parse(bytes(" {} \n"))).isEmpty();
    }

    @Test
    void syntaxErrorsGiveThePositionNotTheContent() {
        assertThatThrownBy(() -> ConfigJson.parse(bytes("{\"privateKey\": SECRETVALUE}")))
                .isInstanceOf(ConfigJson.InvalidJson.class)
                .hasMessageStartingWith("not valid JSON (line 1, column")
                .hasMessageNotContaining("SECRETVALUE");
    }

    @Test
    void nonStringValuesAreRejectedByKeyNotValue() {
        assertThatThrownBy(() -> ConfigJson.parse(bytes("{\"appKey\": 12345678}")))
                .hasMessageStartingWith("value of key 'appKey' is not a string")
                .hasMessageNotContaining("12345678");
        assertThatThrownBy(() -> ConfigJson.parse(bytes("{\"appKey\": {\"nested\": \"SECRET\"}}")))
                .hasMessageStartingWith("value of key 'appKey' is not a string")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void otherShapesAreRejected() {
        assertThatThrownBy(() -> ConfigJson.parse(bytes("[\"a\"]"))).hasMessage("content is not a JSON object");
        assertThatThrownBy(() -> ConfigJson.parse(bytes(""))).hasMessage("content is not a JSON object");
        assertThatThrownBy(() -> ConfigJson.parse(bytes("{\"a\":\"b\"} {}")))
                .hasMessageStartingWith("unexpected content after the JSON object");
        assertThatThrownBy(() -> ConfigJson.parse(bytes("{\"a\":\"b\"")))
                .isInstanceOf(ConfigJson.InvalidJson.class);
    }

    @Test
    void nonUtf8IsRejected() {
        byte[] latin1 = "{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> ConfigJson.parse(latin1)).hasMessage("content is not UTF-8 text");
        assertThatThrownBy(() -> ConfigJson.parse(utf16)).hasMessage("content is not UTF-8 text");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
