package io.camelksm.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import picocli.CommandLine.Option;

/**
 * The rights named on {@code grant} and {@code revoke}: roles, processes and resources of the read right, or with
 * {@code --write} of the write right, and whether routes' writes may change more than secret values.
 */
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

    @Option(names = "--write",
            description = "The roles, processes and resources are those of the write right (operation=set and"
                          + " setProperty) instead of the read right (authorize, get). The two are granted apart: a"
                          + " route that writes needs its role, process and resource granted with --write.")
    boolean write;

    @Option(names = "--allow-route-metadata-writes",
            description = "Lets routes holding the write right change the credential's non-secret fields (tokenUrl,"
                          + " clientId, audience, ...), plain properties and expiry too. Without it they change only"
                          + " secret values (password, token, clientSecret, privateKey, secret properties).")
    boolean routeMetadataWrites;

    AccessMode mode() {
        return write ? AccessMode.WRITE : AccessMode.READ;
    }

    /**
     * Each value given with its dimension, in the order role, process, resource; at least one unless
     * {@code --allow-route-metadata-writes} is given.
     */
    List<Map.Entry<Dimension, String>> values(boolean granting) {
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
            if (granting && v.indexOf(',') >= 0) {
                // '--process r1,r2' would grant one process named 'r1,r2', which no route has
                throw new UserInputException("The " + dimension.label() + " '" + v + "' contains a comma: give each "
                                             + dimension.label() + " with its own --" + dimension.label());
            }
            result.add(Map.entry(dimension, v));
        }));
        if (result.isEmpty() && !routeMetadataWrites) {
            throw new UserInputException("Give at least one --role, --process or --resource (with --write for the"
                                         + " write right), or --allow-route-metadata-writes");
        }
        if (write && result.isEmpty()) {
            throw new UserInputException("--write needs at least one --role, --process or --resource");
        }
        return result;
    }
}
