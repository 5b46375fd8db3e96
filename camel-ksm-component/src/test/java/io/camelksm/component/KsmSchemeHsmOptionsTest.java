package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.camelksm.crypto.HsmKeySettings;

/** The schemeHsm* options, set through the generated configurer as Camel sets them, make KsmSettings.schemeHsm. */
class KsmSchemeHsmOptionsTest {

    private static KsmComponent configured(Map<String, String> options) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            KsmComponent component = new KsmComponent();
            KsmComponentConfigurer configurer = new KsmComponentConfigurer();
            options.forEach((name, value) -> assertThat(configurer.configure(context, component, name, value, true))
                    .as(name).isTrue());
            return component;
        }
    }

    @Test
    void withoutTheOptionsThereIsNoSchemeHsm() throws Exception {
        assertThat(KsmComponentSettings.of(configured(Map.of())).schemes().hsm()).isNull();
    }

    @Test
    void theOptionsMakeTheHsmKeySettingsAndThePinNeverShows() throws Exception {
        KsmComponent component = configured(Map.of("schemeHsmProvider", "pkcs11", "schemeHsmKeyAlias", "ksm-scheme-wrap",
                "schemeHsmPkcs11Config", "/etc/ksm/pkcs11.cfg", "schemeHsmPin", "Pin-4711"));

        HsmKeySettings hsm = KsmComponentSettings.of(component).schemes().hsm();

        assertThat(hsm.provider()).isEqualTo("pkcs11");
        assertThat(hsm.keyAlias()).isEqualTo("ksm-scheme-wrap");
        assertThat(hsm.pkcs11Config()).isEqualTo(Path.of("/etc/ksm/pkcs11.cfg"));
        assertThat(hsm.keystoreFile()).isNull();
        assertThat(new String(hsm.pin().chars())).isEqualTo("Pin-4711");
        assertThat(hsm.toString()).doesNotContain("Pin-4711");
        assertThat(KsmComponentSettings.of(component).toString()).contains("ksm-scheme-wrap")
                .doesNotContain("Pin-4711");
    }

    @Test
    void aProviderWithoutAKeyAliasIsRefusedNamingTheMissingOption() throws Exception {
        KsmComponent component = configured(Map.of("schemeHsmProvider", "ncipher"));

        assertThatThrownBy(() -> KsmComponentSettings.of(component)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemeHsmKeyAlias");
    }
}
