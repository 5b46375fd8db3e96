package io.camelksm.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The Spring properties match the component's catalog: every option in ksm.json (componentProperties) has its
 * {@code camel.component.ksm.<kebab-case>} property in the spring-configuration-metadata.json the configuration
 * processor writes from {@link KsmComponentConfiguration} and its option groups (the classes that bind the same
 * prefix), with the catalog's description and default and, for enums, the Java enum type; and no property names an
 * option the catalog no longer has.
 */
class KsmComponentConfigurationCatalogTest {

    private static final String PREFIX = "camel.component.ksm.";
    /**
     * Properties of the starter that are not component options: ComponentConfigurationPropertiesCommon's own, and
     * {@code connectors} (connector.KsmConnectorsProperties), which the starter itself reads.
     */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled", "connectors");

    @Test
    void everyCatalogOptionHasItsSpringPropertyWithTheCatalogDefault() throws Exception {
        Map<String, JsonObject> catalog = catalogOptions();
        Map<String, JsonObject> spring = springProperties();
        assertThat(catalog).hasSizeGreaterThan(50); // the catalog was read, not an empty file

        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, JsonObject> option : catalog.entrySet()) {
            JsonObject property = spring.get(kebab(option.getKey()));
            if (property == null) {
                missing.add(option.getKey() + " (" + PREFIX + kebab(option.getKey()) + ")");
                continue;
            }
            assertThat(String.valueOf(property.get("description"))).as("description of %s", option.getKey())
                    .startsWith(option.getValue().getString("description"));
            Object catalogDefault = option.getValue().get("defaultValue");
            if (catalogDefault != null) {
                assertThat(String.valueOf(property.get("defaultValue"))).as("default of %s", option.getKey())
                        .isEqualToIgnoringCase(String.valueOf(catalogDefault));
            }
            String javaType = option.getValue().getString("javaType");
            if ("enum".equals(option.getValue().getString("type")) && !javaType.equals("java.lang.String")) {
                assertThat(property.getString("type")).as("type of %s", option.getKey()).isEqualTo(javaType);
            }
        }
        assertThat(missing).as("catalog options without a Spring property in KsmComponentConfiguration or its groups").isEmpty();
    }

    @Test
    void everySpringPropertyIsACatalogOption() throws Exception {
        Set<String> catalog = new TreeSet<>();
        catalogOptions().keySet().forEach(name -> catalog.add(kebab(name)));

        assertThat(new TreeSet<>(springProperties().keySet())).as("properties the catalog does not know")
                .allSatisfy(name -> assertThat(catalog.contains(name) || STARTER_ONLY.contains(name))
                        .as(PREFIX + name).isTrue());
    }

    @Test
    void theConnectorsSettingIsAListOfLocationsWithItsDescriptionAndNoComponentOption() throws Exception {
        JsonObject connectors = springProperties().get("connectors");

        assertThat(connectors).as(PREFIX + "connectors in the metadata").isNotNull();
        assertThat(connectors.getString("type")).isEqualTo("java.util.List<java.lang.String>");
        assertThat(connectors.getString("description")).contains("classpath:connectors/");
        assertThat(catalogOptions()).doesNotContainKey("connectors");
    }

    @Test
    void theConverterTakesABeanReferenceForEveryTypedObjectOption() throws Exception {
        Set<String> objectTypes = new TreeSet<>();
        for (JsonObject option : catalogOptions().values()) {
            if ("object".equals(option.getString("type")) && !"java.lang.Object".equals(option.getString("javaType"))) {
                objectTypes.add(option.getString("javaType"));
            }
        }
        Set<String> converted = new TreeSet<>();
        KsmComponentConverter.REFERENCE_TYPES.forEach(type -> converted.add(type.getName()));

        assertThat(converted).isEqualTo(objectTypes);
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("(?<=[a-z0-9])([A-Z])", "-$1").toLowerCase();
    }

    private static Map<String, JsonObject> catalogOptions() throws Exception {
        JsonObject catalog = read("META-INF/io/camelksm/component/ksm.json");
        Map<String, JsonObject> options = new LinkedHashMap<>();
        JsonObject properties = catalog.getMap("componentProperties");
        properties.keySet().forEach(name -> options.put(name, properties.getMap(name)));
        return options;
    }

    private static Map<String, JsonObject> springProperties() throws Exception {
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        for (Object each : read("META-INF/spring-configuration-metadata.json").getCollection("properties")) {
            JsonObject property = (JsonObject) each;
            String name = property.getString("name");
            if (name.startsWith(PREFIX)) {
                properties.put(name.substring(PREFIX.length()), property);
            }
        }
        return properties;
    }

    private static JsonObject read(String resource) throws Exception {
        try (InputStream in = KsmComponentConfigurationCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
