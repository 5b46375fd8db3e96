package io.camelksm.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelksm.connector.definition.ConnectorDefinition;
import io.camelksm.connector.definition.ConnectorDefinitionException;
import io.camelksm.connector.definition.ConnectorDefinitionReader;

/**
 * The connector definitions of an application, loaded from {@code classpath:dir/}, {@code classpath:x.yaml},
 * {@code file:/dir} or {@code file:/x.yaml} (a directory: every {@code *.yaml} and {@code *.yml}, sorted by name).
 * Connector names are unique across all locations.
 */
public final class ConnectorDefinitions {

    private final Map<String, ConnectorDefinition> byName;

    private ConnectorDefinitions(Map<String, ConnectorDefinition> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Loads every definition found at the locations, in the order given; the first problem throws. */
    public static ConnectorDefinitions load(String... locations) {
        Map<String, ConnectorDefinition> byName = new LinkedHashMap<>();
        for (String location : locations) {
            for (DefinitionSource source : DefinitionSources.resolve(location.trim())) {
                add(byName, ConnectorDefinitionReader.read(source.name(), source.text()));
            }
        }
        return new ConnectorDefinitions(byName);
    }

    /** Definitions already read (tests, or definitions built in code). */
    public static ConnectorDefinitions of(Collection<ConnectorDefinition> definitions) {
        Map<String, ConnectorDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(d -> add(byName, d));
        return new ConnectorDefinitions(byName);
    }

    private static void add(Map<String, ConnectorDefinition> byName, ConnectorDefinition definition) {
        ConnectorDefinition earlier = byName.putIfAbsent(definition.name(), definition);
        if (earlier != null) {
            throw new ConnectorDefinitionException(definition.source(), 0, "name", "connector '"
                    + definition.name() + "' is already defined in " + earlier.source());
        }
    }

    /** All definitions, in load order. */
    public List<ConnectorDefinition> all() {
        return new ArrayList<>(byName.values());
    }

    public Optional<ConnectorDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
