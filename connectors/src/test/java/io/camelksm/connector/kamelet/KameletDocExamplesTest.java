package io.camelksm.connector.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The YAML routes of the "Kamelets" section of docs/connectors.md are routes Camel's YAML DSL loads, and every
 * Kamelet they call gets its required properties and only properties it declares.
 */
class KameletDocExamplesTest {

    private static final Path DOC = Path.of("../docs/connectors.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theExamplesLoadAndGiveEachKameletWhatItDeclares() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("\n## Kamelets"));
        List<String> examples = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(section);
        while (m.find()) {
            examples.add(m.group(1));
        }
        assertThat(examples).as("one example per Kamelet").hasSize(3);

        Set<String> called = new HashSet<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (String example : examples) {
                for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context)
                        .findRoutesBuilders(ResourceHelper.fromString("example.yaml", example))) {
                    context.addRoutes(builder);
                }
                checkKameletCalls(YAML.readTree(example), called);
            }
            assertThat(context.getRouteDefinitions()).hasSize(3);
        }
        assertThat(called).containsExactlyInAnyOrder("ksm-http-sink", "ksm-http-source", "ksm-authorize-action");
    }

    /** Every node with a {@code kamelet:ksm-...} uri: its parameters against the Kamelet's definition. */
    private static void checkKameletCalls(JsonNode node, Set<String> called) throws Exception {
        String uri = node.path("uri").asText();
        if (uri.startsWith("kamelet:ksm-")) {
            String name = uri.substring("kamelet:".length()).split("[/?]")[0];
            called.add(name);
            JsonNode definition = YAML.readTree(KameletDocExamplesTest.class.getClassLoader()
                    .getResource("kamelets/" + name + ".kamelet.yaml")).path("spec").path("definition");
            Set<String> given = new HashSet<>();
            node.path("parameters").fieldNames().forEachRemaining(given::add);
            for (String declared : given) {
                assertThat(definition.path("properties").has(declared)).as(name + " declares " + declared).isTrue();
            }
            for (JsonNode required : definition.path("required")) {
                assertThat(given).as(name + " needs " + required.asText()).contains(required.asText());
            }
        }
        for (JsonNode child : node) {
            checkKameletCalls(child, called);
        }
    }
}
