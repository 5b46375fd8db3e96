package io.camelksm.connector.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.utils.JsonNodes;

/** Errors pointing at a node of a definition read with locations: {@code source:line: field: problem}. */
final class Located {

    private final String source;

    Located(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    ConnectorDefinitionException error(JsonNode node, String field, String problem) {
        return new ConnectorDefinitionException(source, line(node), field, problem);
    }

    static int line(JsonNode node) {
        if (node == null) {
            return 0;
        }
        JsonLocation location = JsonNodes.tokenStreamLocationOf(node);
        return location == null ? 0 : location.getLineNr();
    }
}
