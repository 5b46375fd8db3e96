package io.camelksm.connector.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Web API described once: base URL, common headers and query parameters, authentication naming a credential, and
 * the actions. {@code source} names where it was read from (file path or URL text) for error messages.
 */
public record ConnectorDefinition(String name, String description, String baseUrl, Timeouts timeouts,
        Map<String, String> headers, Map<String, String> parameters, Authentication authentication,
        List<Action> actions, String source) {

    public ConnectorDefinition {
        timeouts = timeouts == null ? Timeouts.DEFAULTS : timeouts;
        headers = Maps.copy(headers);
        parameters = Maps.copy(parameters);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public Optional<Action> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }
}
