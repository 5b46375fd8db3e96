package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The option schemeKeyDirectory reaches the runtime's scheme settings; unset, the key file's directory is used. */
class KsmSchemeKeyDirectoryOptionTest {

    @Test
    void theOptionNamesTheDirectoryOfServerSchemeKeyFiles() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            KsmComponent component = new KsmComponent();
            component.setCamelContext(context);
            assertThat(KsmComponentSettings.of(component).schemes().keyDirectory()).isNull();

            org.apache.camel.support.PropertyBindingSupport.build().bind(context, component, "schemeKeyDirectory",
                    "/etc/camel-ksm/scheme-keys");
            assertThat(KsmComponentSettings.of(component).schemes().keyDirectory())
                    .isEqualTo(Path.of("/etc/camel-ksm/scheme-keys"));
        }
    }
}
