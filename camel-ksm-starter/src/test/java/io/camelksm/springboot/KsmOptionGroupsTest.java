package io.camelksm.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import io.camelksm.springboot.connector.KsmConnectorsProperties;

/**
 * Every class that binds {@code camel.component.ksm} for a component option is bound and copied onto the component: a
 * group class missing from {@link KsmComponentAutoConfiguration#OPTION_GROUPS} would bind its properties and silently
 * never reach the component.
 */
class KsmOptionGroupsTest {

    private static final String PREFIX = "camel.component.ksm";

    @Test
    void everyClassOfTheComponentsPropertiesIsEnabledAndCopied() throws Exception {
        Set<String> bindingThePrefix = new TreeSet<>();
        for (Object each : metadata().getCollection("groups")) {
            JsonObject group = (JsonObject) each;
            if (PREFIX.equals(group.getString("name"))) {
                bindingThePrefix.add(group.getString("type"));
            }
        }
        bindingThePrefix.remove(KsmComponentConfiguration.class.getName()); // copied first, on its own
        bindingThePrefix.remove(KsmConnectorsProperties.class.getName()); // a starter setting, no component option

        assertThat(names(KsmComponentAutoConfiguration.OPTION_GROUPS)).isEqualTo(bindingThePrefix);
        assertThat(names(List.of(KsmComponentAutoConfiguration.class.getAnnotation(EnableConfigurationProperties.class)
                .value()))).contains(KsmComponentConfiguration.class.getName()).containsAll(bindingThePrefix);
    }

    private static Set<String> names(List<Class<?>> types) {
        Set<String> names = new TreeSet<>();
        types.forEach(type -> names.add(type.getName()));
        return names;
    }

    private static JsonObject metadata() throws Exception {
        try (InputStream in = KsmOptionGroupsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata on the class path").isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
