package io.camelksm.connector.kamelet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What makes a file of the catalog a valid camel-ksm Kamelet: the checks of apache/camel-kamelets'
 * script/validator (required fields, type label and name suffix, titles, descriptions, descriptors, dependency
 * syntax, every parameter the template uses declared and every declared one used), plus ours: no property takes a
 * secret, the template authorizes through {@code ksm:{{credential}}}, and a sink or source removes Authorization in
 * the {@code doFinally} of the block that calls ksm: and the API.
 */
final class KameletRules {

    /** camel-kamelets' validator's expression for a template parameter: {{name}}, {{?name}}, {{name:default}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");
    /** Parameters camel-kamelet supplies to every template. */
    private static final Set<String> IMPLICIT = Set.of("routeId", "templateId");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|apikey|privatekey).*");
    /** Named like a secret, but not one: the address of the token endpoint (ksm:'s option of the same name). */
    private static final Set<String> NOT_SECRETS = Set.of("tokenUrl");
    private static final String CREDENTIALS_DESCRIPTOR = "urn:camel:group:credentials";
    private static final String TYPE_LABEL = "camel.apache.org/kamelet.type";

    private final String version;

    /** @param version the project version: the catalog version and the version of the component dependency */
    KameletRules(String version) {
        this.version = version;
    }

    /** The problems of one Kamelet file, each naming the file and what is wrong; empty when it is valid. */
    List<String> problems(String fileName, JsonNode kamelet) {
        List<String> problems = new ArrayList<>();
        String name = kamelet.path("metadata").path("name").asText("");
        String type = kamelet.path("metadata").path("labels").path(TYPE_LABEL).asText("");
        check(problems, "camel.apache.org/v1".equals(kamelet.path("apiVersion").asText()),
                "apiVersion must be camel.apache.org/v1");
        check(problems, "Kamelet".equals(kamelet.path("kind").asText()), "kind must be Kamelet");
        check(problems, fileName.equals(name + ".kamelet.yaml"),
                "metadata.name '" + name + "' does not match the file name");
        check(problems, Set.of("source", "sink", "action").contains(type),
                "label " + TYPE_LABEL + " must be source, sink or action");
        check(problems, name.endsWith("-" + type), "the name must end with -" + type);
        annotations(problems, kamelet.path("metadata").path("annotations"));
        JsonNode definition = kamelet.path("spec").path("definition");
        definition(problems, definition, type);
        dependencies(problems, kamelet.path("spec").path("dependencies"));
        template(problems, kamelet.path("spec").path("template"), definition.path("properties"), type);
        return problems.stream().map(p -> fileName + ": " + p).toList();
    }

    private void annotations(List<String> problems, JsonNode annotations) {
        String icon = annotations.path("camel.apache.org/kamelet.icon").asText();
        check(problems, icon.startsWith("data:image/svg+xml;base64,"),
                "annotation camel.apache.org/kamelet.icon must be an SVG data URI");
        check(problems, version.equals(annotations.path("camel.apache.org/catalog.version").asText()),
                "annotation camel.apache.org/catalog.version must be the project version " + version);
        check(problems, !annotations.path("camel.apache.org/provider").asText().isBlank(),
                "annotation camel.apache.org/provider is missing");
        check(problems, !annotations.path("camel.apache.org/kamelet.support.level").asText().isBlank(),
                "annotation camel.apache.org/kamelet.support.level is missing");
    }

    private static void definition(List<String> problems, JsonNode definition, String type) {
        String suffix = type.isEmpty() ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        check(problems, definition.path("title").asText().endsWith(suffix),
                "spec.definition.title must end with " + suffix);
        check(problems, !definition.path("description").asText().isBlank(), "spec.definition.description is missing");
        check(problems, "object".equals(definition.path("type").asText()), "spec.definition.type must be object");
        JsonNode properties = definition.path("properties");
        Set<String> required = new HashSet<>();
        for (JsonNode r : definition.path("required")) {
            check(problems, required.add(r.asText()), "required property '" + r.asText() + "' is listed twice");
            check(problems, properties.has(r.asText()), "required property '" + r.asText() + "' is not defined");
        }
        check(problems, required.contains("credential"), "the credential property must be required");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            property(problems, property.getKey(), property.getValue());
        }
    }

    private static void property(List<String> problems, String name, JsonNode property) {
        String where = "property '" + name + "'";
        check(problems, !property.path("type").asText().isBlank(), where + " has no type");
        String title = property.path("title").asText();
        check(problems, !title.isBlank() && !title.matches("(The|A|An) .*"),
                where + " needs a title not starting with an article");
        check(problems, !property.path("description").asText().isBlank(), where + " has no description");
        // a Kamelet of this catalog names credentials; a secret never travels through its configuration
        check(problems, !"password".equals(property.path("format").asText()),
                where + " takes a secret (format password)");
        check(problems, NOT_SECRETS.contains(name) || !SECRET_NAME.matcher(name).matches(),
                where + " is named like a secret");
        Set<String> descriptors = new HashSet<>();
        for (JsonNode d : property.path("x-descriptors")) {
            check(problems, descriptors.add(d.asText()), where + " lists the x-descriptor " + d.asText() + " twice");
            check(problems, !d.asText().startsWith("urn:alm:descriptor:com.tectonic.ui"),
                    where + " uses a deprecated x-descriptor");
        }
        if ("credential".equals(name)) {
            check(problems, descriptors.contains(CREDENTIALS_DESCRIPTOR),
                    where + " needs the x-descriptor " + CREDENTIALS_DESCRIPTOR);
        }
    }

    private void dependencies(List<String> problems, JsonNode dependencies) {
        Set<String> all = new HashSet<>();
        for (JsonNode d : dependencies) {
            String dependency = d.asText();
            all.add(dependency);
            check(problems, dependency.startsWith("camel:") || dependency.matches("mvn:[^:]+:[^:]+:[^:]+")
                    || dependency.startsWith("github:apache/"),
                    "dependency '" + dependency + "' is not camel:, mvn:g:a:v or github:apache/");
        }
        check(problems, all.contains("camel:kamelet"), "dependency camel:kamelet is missing");
        check(problems, all.contains("mvn:io.camelksm:camel-ksm-component:" + version),
                "dependency mvn:io.camelksm:camel-ksm-component:" + version + " is missing");
    }

    private static void template(List<String> problems, JsonNode template, JsonNode properties, String type) {
        Set<String> used = new TreeSet<>();
        parameters(template, used);
        for (String parameter : used) {
            check(problems, properties.has(parameter) || IMPLICIT.contains(parameter),
                    "the template uses '" + parameter + "', which is not declared");
        }
        for (Iterator<String> it = properties.fieldNames(); it.hasNext();) {
            String declared = it.next();
            check(problems, used.contains(declared), "property '" + declared + "' is declared but never used");
        }
        String fromUri = template.path("from").path("uri").asText();
        String text = template.toString();
        check(problems, !"sink".equals(type) && !"action".equals(type) || "kamelet:source".equals(fromUri),
                "a " + type + " consumes from kamelet:source");
        check(problems, !"source".equals(type) || text.contains("\"kamelet:sink\""), "a source routes to kamelet:sink");
        check(problems, text.contains("\"ksm:{{credential}}\""),
                "the template must authorize through ksm:{{credential}}");
        if (!"action".equals(type)) {
            check(problems, removesAuthorizationFinally(template), "the ksm: step and the HTTP call must sit in a doTry"
                    + " whose doFinally removes the Authorization header");
        }
    }

    /** Whether some doTry calls ksm: and, in its doFinally, removes Authorization. */
    private static boolean removesAuthorizationFinally(JsonNode node) {
        if (node.has("doTry")) {
            JsonNode block = node.get("doTry");
            boolean callsKsm = block.path("steps").toString().contains("\"ksm:{{credential}}\"");
            for (JsonNode step : block.path("doFinally").path("steps")) {
                if (callsKsm && "Authorization".equals(step.path("removeHeader").path("name").asText())) {
                    return true;
                }
            }
        }
        for (JsonNode child : node) {
            if (removesAuthorizationFinally(child)) {
                return true;
            }
        }
        return false;
    }

    private static void parameters(JsonNode node, Set<String> found) {
        if (node.isTextual()) {
            Matcher m = PARAMETER.matcher(node.asText());
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        for (JsonNode child : node) {
            parameters(child, found);
        }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
