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
}
