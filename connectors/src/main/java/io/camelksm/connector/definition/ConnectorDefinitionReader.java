package io.camelksm.connector.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one definition: YAML with line numbers, the JSON Schema, then the rules a schema cannot say. Every problem is
 * a {@link ConnectorDefinitionException} naming the source, the line and the field.
 */
public final class ConnectorDefinitionReader {

    private ConnectorDefinitionReader() {
    }

    /** {@code source} names the file or URL in error messages and becomes {@link ConnectorDefinition#source()}. */
    public static ConnectorDefinition read(String source, String yaml) {
        Located located = new Located(source);
        JsonNode root = YamlTree.parse(source, yaml);
        SchemaCheck.check(located, root);
        DefinitionRules.check(located, root);
        return definition(source, root);
    }

    private static ConnectorDefinition definition(String source, JsonNode root) {
        JsonNode timeouts = root.path("timeouts");
        List<Action> actions = new ArrayList<>();
        root.get("actions").forEach(a -> actions.add(action(a)));
        return new ConnectorDefinition(root.get("name").asText(), text(root, "description"),
                root.get("baseUrl").asText(),
                new Timeouts(duration(timeouts, "http"), duration(timeouts, "authorization")),
                map(root.get("headers")), map(root.get("parameters")), authentication(root.get("authentication")),
                actions, source);
    }

    private static Authentication authentication(JsonNode auth) {
        AuthenticationType type = AuthenticationType.fromYaml(auth.get("type").asText()).orElseThrow();
        List<String> allowed = new ArrayList<>();
        auth.path("allowedCredentials").forEach(n -> allowed.add(n.asText()));
        JsonNode custom = auth.get("custom");
        CustomAuthentication templates = custom == null ? null
                : new CustomAuthentication(map(custom.get("headers")), map(custom.get("query")), map(custom.get("body")));
        return new Authentication(type, text(auth, "credential"), allowed, auth.path("preemptive").asBoolean(true),
                text(auth, "tokenUrl"), text(auth, "scope"), text(auth, "audience"), text(auth, "subject"),
                text(auth, "resource"), templates);
    }

    private static Action action(JsonNode action) {
        List<ActionParameter> parameters = new ArrayList<>();
        action.path("parameters").forEach(p -> parameters.add(new ActionParameter(p.get("name").asText(),
                text(p, "description"), p.path("required").asBoolean(false), text(p, "default"))));
        String body = text(action, "body");
        String contentType = text(action, "contentType");
        if (body != null && contentType == null) {
            contentType = Action.JSON;
        }
        return new Action(action.get("name").asText(), text(action, "description"), action.get("method").asText(),
                action.get("path").asText(), parameters, map(action.get("query")), map(action.get("headers")),
                contentType, body, duration(action, "timeout"), map(action.get("outputs")));
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Duration duration(JsonNode node, String key) {
        String text = text(node, key);
        return text == null ? null : Timeouts.parseDuration(text);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return map;
    }
}
