package io.camelksm.connector.definition;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;

/** Reads a definition's YAML into a tree whose nodes remember their line; duplicate keys are an error. */
final class YamlTree {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlTree() {
    }

    static JsonNode parse(String source, String text) {
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            JsonNode root = YAML.reader(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser))
                    .readTree(parser);
            if (root == null || !root.isObject()) {
                throw new ConnectorDefinitionException(source, 1, "", "a definition is a YAML mapping (name, baseUrl, authentication, actions)");
            }
            return root;
        } catch (IOException e) {
            throw notYaml(source, e);
        }
    }

    private static ConnectorDefinitionException notYaml(String source, Throwable cause) {
        int line = 0;
        String problem = "not valid YAML";
        if (cause instanceof JsonProcessingException parse) {
            line = parse.getLocation() == null ? 0 : parse.getLocation().getLineNr();
            String original = parse.getOriginalMessage();
            // the first line only: the parser's later lines quote the document
            problem = "not valid YAML: " + (original == null ? "" : original.lines().findFirst().orElse(""));
        }
        return new ConnectorDefinitionException(source, line, "", problem, cause);
    }
}
