package io.camelksm.examples.httpbasic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelksm.component.KsmComponent;

/**
 * A route on the embedded store needs one dependency, camel-ksm-component, and that brings neither the Keeper SDK nor
 * the Kotlin libraries only the Keeper side uses; asking for the Keeper store there says which module to add.
 */
class EmbeddedStoreClassPathTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"com.keepersecurity.secretsManager.core.SecretsManager", "kotlin.reflect.full.KClasses",
            "kotlinx.serialization.json.Json"})
    void keeperSideClassesAreNotOnTheClassPath(String className) {
        assertThat(KsmComponent.class.getName()).as("the component itself is there").isNotBlank();

        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void storeKeeperFailsNamingTheModuleToAdd() throws Exception {
        Path file = Files.writeString(home.resolve("unused.properties"), "");
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent ksm = new KsmComponent();
            // set as a user would (properties or YAML), whatever the option's Java type
            PropertyBindingSupport.bindProperties(camel, ksm, new HashMap<>(Map.of("databaseDirectory",
                    home.toString(), "store", "keeper", "keeperConfigFile", file.toString(), "keeperHsmSettings",
                    file.toString(), "keeperMappingFile", file.toString())));
            camel.addComponent("ksm", ksm);

            assertThatThrownBy(camel::start).hasStackTraceContaining("store=keeper")
                    .hasStackTraceContaining("io.camelksm:camel-ksm-keeper");
        }
        assertThat(home.resolve("ksm.mv.db")).as("refused before the database was opened").doesNotExist();
    }
}
