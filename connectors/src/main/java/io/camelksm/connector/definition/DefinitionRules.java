package io.camelksm.connector.definition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/** The rules a JSON Schema cannot say, checked on a definition that passed the schema. */
final class DefinitionRules {

    private static final String THE_ACTION = "the action";

    private final Located located;

    private DefinitionRules(Located located) {
        this.located = located;
    }

    static void check(Located located, JsonNode root) {
        DefinitionRules rules = new DefinitionRules(located);
        rules.noCredentialTokensOutsideCustom(root, "");
        rules.authentication(root.get("authentication"));
        rules.url(root.get("baseUrl"), "baseUrl");
        rules.actions(root);
    }

    private void noCredentialTokensOutsideCustom(JsonNode node, String field) {
        if (field.equals("authentication.custom")) {
            return;
        }
        if (node.isTextual() && node.asText().contains(CredentialTokens.MARK)) {
            throw located.error(node, field, "credential tokens " + CredentialTokens.MARK
                    + "...] are allowed only in authentication.custom");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> child = it.next();
                if (child.getKey().contains(CredentialTokens.MARK)) {
                    throw located.error(child.getValue(), join(field, child.getKey()), "credential tokens are allowed only in authentication.custom");
                }
                noCredentialTokensOutsideCustom(child.getValue(), join(field, child.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noCredentialTokensOutsideCustom(node.get(i), field + "[" + i + "]");
            }
        }
    }

    private void authentication(JsonNode auth) {
        AuthenticationType type = AuthenticationType.fromYaml(auth.get("type").asText()).orElseThrow();
        JsonNode credential = auth.get("credential");
        JsonNode allowed = auth.get("allowedCredentials");
        if (type == AuthenticationType.NONE) {
            for (String key : new String[] {"credential", "allowedCredentials", "custom", "tokenUrl"}) {
                if (auth.has(key)) {
                    throw located.error(auth.get(key), "authentication." + key, "type none takes no " + key);
                }
            }
            return;
        }
        if (credential == null) {
            throw located.error(auth.get("type"), "authentication.credential",
                    "is required for type " + type.yamlName());
        }
        if (allowed != null) {
            boolean listed = false;
            for (JsonNode name : allowed) {
                listed |= name.asText().equals(credential.asText());
            }
            if (!listed) {
                throw located.error(allowed, "authentication.allowedCredentials",
                        "must contain the default credential '" + credential.asText() + "'");
            }
        }
        if (auth.has("preemptive") && type != AuthenticationType.BASIC) {
            throw located.error(auth.get("preemptive"), "authentication.preemptive", "applies to type basic only");
        }
        for (String key : new String[] {"tokenUrl", "scope", "audience", "subject", "resource"}) {
            if (auth.has(key) && !type.isOAuth2()) {
                throw located.error(auth.get(key), "authentication." + key, "applies to the oauth2-* types only");
            }
        }
        if (auth.has("subject") && type != AuthenticationType.OAUTH2_JWT_BEARER) {
            throw located.error(auth.get("subject"), "authentication.subject", "applies to type oauth2-jwt-bearer only");
        }
        if (auth.has("resource") && type != AuthenticationType.OAUTH2_CLIENT_CREDENTIALS) {
            throw located.error(auth.get("resource"), "authentication.resource",
                    "applies to type oauth2-client-credentials only");
        }
        if (auth.has("tokenUrl")) {
            url(auth.get("tokenUrl"), "authentication.tokenUrl");
        }
        custom(auth, type);
    }

    private void custom(JsonNode auth, AuthenticationType type) {
        JsonNode custom = auth.get("custom");
        if (type != AuthenticationType.CUSTOM) {
            if (custom != null) {
                throw located.error(custom, "authentication.custom", "applies to type custom only");
            }
            return;
        }
        if (custom == null || custom.isEmpty()) {
            throw located.error(auth.get("type"), "authentication.custom",
                    "type custom needs at least one template in headers, query or body");
        }
        for (String part : new String[] {"headers", "query", "body"}) {
            JsonNode templates = custom.get(part);
            if (templates == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = templates.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> template = it.next();
                Optional<String> malformed = CredentialTokens.firstMalformed(template.getValue().asText());
                if (malformed.isPresent()) {
                    throw located.error(template.getValue(), "authentication.custom." + part + "." + template.getKey(),
                            "'" + malformed.get() + "' is not a credential token; use [Credential.Username], "
                                    + "[Credential.Password], [Credential.Token] or [Credential.Property.<name>]");
                }
            }
        }
    }

    private void url(JsonNode url, String field) {
        Optional<String> resolved = BaseUrls.withPlaceholderDefaults(url.asText());
        // a placeholder without a default is checked once Camel resolved it (ConnectorRoutes)
        resolved.flatMap(BaseUrls::problem).ifPresent(problem -> {
            throw located.error(url, field, problem);
        });
    }

    private void actions(JsonNode root) {
        Map<String, Integer> names = new HashMap<>();
        JsonNode actions = root.get("actions");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            String field = "actions[" + i + "]";
            String name = action.get("name").asText();
            Integer earlier = names.putIfAbsent(name, i);
            if (earlier != null) {
                throw located.error(action.get("name"), field + ".name",
                        "duplicate action name '" + name + "' (also actions[" + earlier + "])");
            }
            Set<String> declared = declaredParameters(action, field);
            references(action.get("path"), field + ".path", declared, THE_ACTION);
            templateMap(action.get("query"), field + ".query", declared, THE_ACTION);
            templateMap(action.get("headers"), field + ".headers", declared, THE_ACTION);
            references(action.get("body"), field + ".body", declared, THE_ACTION);
            // the connector's common templates are checked against every action's parameters
            String thisAction = "action '" + name + "'";
            templateMap(root.get("headers"), "headers", declared, thisAction);
            templateMap(root.get("parameters"), "parameters", declared, thisAction);
            outputs(action.get("outputs"), field + ".outputs");
        }
    }

    private Set<String> declaredParameters(JsonNode action, String field) {
        Set<String> declared = new HashSet<>();
        JsonNode parameters = action.get("parameters");
        if (parameters == null) {
            return declared;
        }
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode name = parameters.get(i).get("name");
            if (!declared.add(name.asText())) {
                throw located.error(name, field + ".parameters[" + i + "].name",
                        "duplicate parameter '" + name.asText() + "'");
            }
        }
        return declared;
    }

    private void templateMap(JsonNode templates, String field, Set<String> declared, String whose) {
        if (templates == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = templates.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            references(entry.getValue(), field + "." + entry.getKey(), declared, whose);
        }
    }

    /** @param whose whose parameters the template may use, for the error ("the action", "action 'x'") */
    private void references(JsonNode template, String field, Set<String> declared, String whose) {
        if (template == null) {
            return;
        }
        for (String name : Placeholders.names(template.asText())) {
            if (!declared.contains(name)) {
                throw located.error(template, field, "{" + name + "} is not a declared parameter of " + whose);
            }
        }
    }

    private void outputs(JsonNode outputs, String field) {
        if (outputs == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> output = it.next();
            try {
                JsonPath.compile(output.getValue().asText());
            } catch (InvalidPathException | IllegalArgumentException e) {
                throw located.error(output.getValue(), field + "." + output.getKey(),
                        "not a JSONPath: " + e.getMessage());
            }
        }
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
