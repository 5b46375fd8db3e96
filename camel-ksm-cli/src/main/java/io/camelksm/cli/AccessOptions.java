package io.camelksm.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import picocli.CommandLine.Option;

/** The restrictions named on {@code grant} and {@code revoke}: roles, processes and resources. */
final class AccessOptions {

    @Option(names = "--role", paramLabel = "ROLE",
            description = "A role (principal of the caller's authenticated subject). '" + Restriction.ANY_WORD
                          + "' = any. Repeatable.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--process", paramLabel = "PROCESS",
            description = "A process (by default the route id). '" + Restriction.ANY_WORD + "' = any. Repeatable.")
    List<String> processes = new ArrayList<>();

    @Option(names = "--resource", paramLabel = "RESOURCE",
            description = "A resource (node, by default the host name). '" + Restriction.ANY_WORD
                          + "' = any. Repeatable.")
    List<String> resources = new ArrayList<>();

    /** Each value given with its dimension, in the order role, process, resource; at least one. */
    List<Map.Entry<Dimension, String>> values() {
        Map<Dimension, List<String>> byDimension = new LinkedHashMap<>();
        byDimension.put(Dimension.ROLE, roles);
        byDimension.put(Dimension.PROCESS, processes);
        byDimension.put(Dimension.RESOURCE, resources);
        List<Map.Entry<Dimension, String>> result = new ArrayList<>();
        byDimension.forEach((dimension, values) -> values.forEach(value -> {
            String v = value.strip();
            if (v.isEmpty()) {
                throw new UserInputException("An empty " + dimension.label() + " was given");
            }
            result.add(Map.entry(dimension, v));
        }));
        if (result.isEmpty()) {
            throw new UserInputException("Give at least one --role, --process or --resource");
        }
        return result;
    }
}
