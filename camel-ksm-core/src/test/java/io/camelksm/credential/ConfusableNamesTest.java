package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfusableNamesTest {

    private static final List<CredentialName> EXISTING = List.of(CredentialName.of("PayPal"),
            CredentialName.of("ServiceNow"), CredentialName.of("Graph/prod"));

    @Test
    void aNameMixingLatinWithCyrillicIsRefused() {
        CredentialName mixed = CredentialName.of("Service\u041Dow"); // Cyrillic capital EN

        assertThatThrownBy(() -> ConfusableNames.checkNewName(mixed, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixes scripts").hasMessageContaining("Latin").hasMessageContaining("Cyrillic");
    }

    @Test
    void aNameMixingLatinWithGreekIsRefused() {
        assertThatThrownBy(() -> ConfusableNames.checkNewName(CredentialName.of("\u039Fracle"), List.of()))
                .hasMessageContaining("mixes scripts");
    }

    @Test
    void aWholeScriptLookAlikeOfAnExistingNameIsRefused() {
        CredentialName cyrillic = CredentialName.of("\u0420\u0430\u0443\u0420\u0430l".replace("l", "\u04CF"));

        assertThatThrownBy(() -> ConfusableNames.checkNewName(cyrillic, EXISTING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("looks like the existing credential 'PayPal'");
    }

    @Test
    void digitAndLetterLookAlikesOfAnExistingNameAreRefused() {
        assertThatThrownBy(() -> ConfusableNames.checkNewName(CredentialName.of("Servicen0w"), EXISTING))
                .hasMessageContaining("'ServiceNow'");
        assertThatThrownBy(() -> ConfusableNames.checkNewName(CredentialName.of("PayPaI"), EXISTING))
                .hasMessageContaining("'PayPal'");
    }

    @Test
    void distinctNamesAndOneScriptNamesPass() {
        assertThatCode(() -> ConfusableNames.checkNewName(CredentialName.of("Salesforce"), EXISTING))
                .doesNotThrowAnyException();
        assertThatCode(() -> ConfusableNames.checkNewName(CredentialName.of("Zugangsdaten Äpfel_1.2"), EXISTING))
                .doesNotThrowAnyException();
        assertThatCode(() -> ConfusableNames.checkNewName(CredentialName.of("Почта"), EXISTING))
                .doesNotThrowAnyException();
        assertThatCode(() -> ConfusableNames.checkNewName(CredentialName.of("東京 API"), EXISTING))
                .doesNotThrowAnyException();
    }

    @Test
    void theSameNameIsNotItsOwnLookAlike() {
        assertThat(ConfusableNames.confusableWith(CredentialName.of("paypal"), EXISTING)).isEmpty();
    }
}
