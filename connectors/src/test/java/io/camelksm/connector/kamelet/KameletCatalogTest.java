package io.camelksm.connector.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Every file of the catalog folder is a valid camel-ksm Kamelet ({@link KameletRules}); the rules catch breakage. */
class KameletCatalogTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Path catalog;
    private static KameletRules rules;

    @BeforeAll
    static void catalog() throws Exception {
        catalog = Path.of(KameletCatalogTest.class.getClassLoader().getResource("kamelets").toURI());
        rules = new KameletRules(projectVersion());
    }

    @Test
    void theCatalogHoldsTheThreeKamelets() throws IOException {
        try (Stream<Path> files = Files.list(catalog)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "ksm-http-sink.kamelet.yaml", "ksm-http-source.kamelet.yaml", "ksm-authorize-action.kamelet.yaml");
        }
    }

    @Test
    void everyKameletIsValid() throws IOException {
        try (Stream<Path> files = Files.list(catalog)) {
            for (Path file : files.toList()) {
                assertThat(rules.problems(file.getFileName().toString(), YAML.readTree(file.toFile()))).isEmpty();
            }
        }
    }

    @Test
    void anUndeclaredParameterAnUnusedPropertyAndASecretPropertyAreReported() throws IOException {
        JsonNode kamelet = read("ksm-http-sink.kamelet.yaml");
        ObjectNode properties = (ObjectNode) kamelet.path("spec").path("definition").path("properties");
        properties.remove("scope");
        properties.putObject("authPassword").put("title", "Password").put("description", "The password")
                .put("type", "string").put("format", "password");
        properties.putObject("accessToken").put("title", "Token").put("description", "The token").put("type", "string");

        List<String> problems = rules.problems("ksm-http-sink.kamelet.yaml", kamelet);

        assertThat(problems).contains("ksm-http-sink.kamelet.yaml: the template uses 'scope', which is not declared",
                "ksm-http-sink.kamelet.yaml: property 'authPassword' is declared but never used",
                "ksm-http-sink.kamelet.yaml: property 'authPassword' takes a secret (format password)",
                "ksm-http-sink.kamelet.yaml: property 'authPassword' is named like a secret",
                "ksm-http-sink.kamelet.yaml: property 'accessToken' is named like a secret");
    }

    @Test
    void aSinkThatKeepsTheHeaderIsReported() throws IOException {
        JsonNode kamelet = read("ksm-http-sink.kamelet.yaml");
        ArrayNode steps = (ArrayNode) kamelet.path("spec").path("template").path("from").path("steps");
        ((ObjectNode) steps.get(2).get("doTry")).remove("doFinally");

        assertThat(rules.problems("ksm-http-sink.kamelet.yaml", kamelet)).containsExactly("ksm-http-sink.kamelet.yaml:"
                + " the ksm: step and the HTTP call must sit in a doTry whose doFinally removes the Authorization"
                + " header");
    }

    @Test
    void aStaleVersionIsReported() throws IOException {
        assertThat(new KameletRules("9.9.9").problems("ksm-authorize-action.kamelet.yaml",
                read("ksm-authorize-action.kamelet.yaml"))).containsExactly(
                "ksm-authorize-action.kamelet.yaml: annotation camel.apache.org/catalog.version must be the project"
                        + " version 9.9.9",
                "ksm-authorize-action.kamelet.yaml: dependency mvn:io.camelksm:camel-ksm-component:9.9.9 is missing");
    }

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(catalog.resolve(file).toFile());
    }

    /** The version of this module (its parent's), read from pom.xml in the module directory surefire runs in. */
    private static String projectVersion() throws Exception {
        Path pom = Path.of("pom.xml");
        String version = XPathFactory.newInstance().newXPath().evaluate("/project/parent/version",
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()));
        assertThat(version).as("version in " + pom.toAbsolutePath()).isNotBlank();
        return version;
    }
}
