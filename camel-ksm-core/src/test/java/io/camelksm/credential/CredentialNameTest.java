package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialNameTest {

    @Test
    void trimsAndComparesCaseInsensitively() {
        CredentialName name = CredentialName.of("  ServiceNow API ");
        assertThat(name.value()).isEqualTo("ServiceNow API");
        assertThat(name.key()).isEqualTo("servicenow api");
        assertThat(name).isEqualTo(CredentialName.of("servicenow api")).hasSameHashCodeAs(CredentialName.of("SERVICENOW API"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "-leading-dash", "semi;colon", "new\nline", "quote'", "a?b", "a&b", "{{x}}" })
    void rejectsMalformedNames(String bad) {
        assertThatThrownBy(() -> CredentialName.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Credential name");
    }

    @Test
    void rejectsNullAndOverlongNames() {
        assertThatThrownBy(() -> CredentialName.of(null)).hasMessage("Credential name is missing");
        assertThatThrownBy(() -> CredentialName.of("a".repeat(129))).hasMessageContaining("longer than 128");
    }

    @Test
    void acceptsCommonNames() {
        assertThat(CredentialName.of("Graph/prod").value()).isEqualTo("Graph/prod");
        assertThat(CredentialName.of("bot@uipath.example").value()).isEqualTo("bot@uipath.example");
        assertThat(CredentialName.of("Zugangsdaten Äpfel_1.2").value()).isEqualTo("Zugangsdaten Äpfel_1.2");
    }

    @Test
    void aDecomposedNameIsNormalizedToNfcAndIsTheSameName() {
        String nfd = "Caf\u0065\u0301"; // e + combining acute: refused before NFC normalization
        CredentialName name = CredentialName.of(nfd);

        assertThat(name.value()).isEqualTo("Caf\u00E9");
        assertThat(name).isEqualTo(CredentialName.of("CAF\u00C9"));
    }

    @Test
    void errorsEscapeLineBreaksAndBidirectionalControls() {
        String forged = "api\n2026-12-06 INFO granted \u202Eeman";

        assertThatThrownBy(() -> CredentialName.of(forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api\\u000A2026-12-06 INFO granted \\u202Eeman'")
                .hasMessageNotContaining("\n").hasMessageNotContaining("\u202E");
        assertThatThrownBy(() -> CredentialName.of("x".repeat(20) + "\u2066\r" + "y".repeat(200)))
                .hasMessageContaining("\\u2066\\u000D").hasMessageNotContaining("\r").hasMessageNotContaining("\u2066");
    }

    @Test
    void propertyNameErrorsEscapeControlCharacters() {
        assertThatThrownBy(() -> CredentialProperty.plain("a\nb\u202E", "v"))
                .hasMessageContaining("a\\u000Ab\\u202E").hasMessageNotContaining("\n");
    }
}
