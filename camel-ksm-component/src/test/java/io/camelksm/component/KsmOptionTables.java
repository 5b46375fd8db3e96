package io.camelksm.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;

/**
 * Renders the option tables of ksm-component.adoc from the generated catalog (ksm.json): one table per group (the
 * option's first label, advanced options in their own table), with name, description, default and type. The text
 * between the marker comments {@code // <kind> options: START} and {@code // <kind> options: END} is replaced whole.
 */
final class KsmOptionTables {

    private KsmOptionTables() {
    }

    /** The adoc with the section between the markers of {@code kind} ("component", "endpoint") rendered anew. */
    static String replace(String adoc, String kind, Map<String, Object> options) {
        String start = "// " + kind + " options: START\n";
        String end = "// " + kind + " options: END";
        int from = adoc.indexOf(start);
        int to = adoc.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("ksm-component.adoc has no '" + start.strip() + "' ... '" + end
                                            + "' section");
        }
        return adoc.substring(0, from + start.length()) + render(kind, options) + adoc.substring(to);
    }

    static String render(String kind, Map<String, Object> options) {
        Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
        options.forEach((name, option) -> {
            JsonObject o = (JsonObject) option;
            String javaType = o.getString("javaType");
            // the configuration classes hold the options; their own entries are not options a user sets
            if (!(javaType.startsWith(KsmComponent.class.getPackageName()) && javaType.endsWith("Configuration"))) {
                groups.computeIfAbsent(o.getString("group"), g -> new ArrayList<>()).add(withName(o, name));
            }
        });
        StringBuilder out = new StringBuilder();
        out.append("The ").append(kind).append(" supports ").append(groups.values().stream().mapToInt(List::size)
                .sum()).append(" options, generated from the catalog (ksm.json); durations take milliseconds or"
                                + " Camel's duration syntax (`10s`, `5m`).\n");
        groups.forEach((group, list) -> {
            out.append("\n.").append(capitalized(kind)).append(" options: ").append(group).append('\n');
            out.append("[width=\"100%\",cols=\"2,5,1,1\",options=\"header\"]\n|===\n");
            out.append("| Name | Description | Default | Type\n");
            for (JsonObject o : list) {
                out.append("| `").append(o.getString("name")).append('`');
                if (Boolean.TRUE.equals(o.getBoolean("secret"))) {
                    out.append(" (secret)");
                }
                if (Boolean.TRUE.equals(o.getBoolean("autowired"))) {
                    out.append(" (autowired)");
                }
                out.append(" | ").append(cell(o.getString("description")));
                Object defaultValue = o.get("defaultValue");
                out.append(" | ").append(defaultValue == null ? "" : "`" + cell(String.valueOf(defaultValue)) + "`");
                out.append(" | ").append(type(o)).append('\n');
            }
            out.append("|===\n");
        });
        return out.append('\n').toString();
    }

    private static JsonObject withName(JsonObject o, String name) {
        JsonObject copy = new JsonObject(o);
        copy.put("name", name);
        return copy;
    }

    private static String type(JsonObject o) {
        String type = o.getString("type");
        if ("enum".equals(type) && o.get("enum") != null) {
            List<String> values = o.<List<Object>>getCollection("enum").stream().map(String::valueOf).toList();
            return "`" + String.join("`, `", values) + "`";
        }
        if ("object".equals(type)) {
            String javaType = o.getString("javaType");
            return "`" + javaType.substring(javaType.lastIndexOf('.') + 1) + "`";
        }
        return type;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
