package io.camelksm.connector.definition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of the API: method, path with {parameter} segments, query, headers, body template and the outputs picked
 * from the JSON response by JSONPath ({@code name -> expression}, in the definition's order). {@code timeout} may be
 * null (the connector's {@code timeouts.http} applies); {@code contentType} and {@code body} may be null.
 */
public record Action(String name, String description, String method, String path, List<ActionParameter> parameters,
        Map<String, String> query, Map<String, String> headers, String contentType, String body, Duration timeout,
        Map<String, String> outputs) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public Action {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        query = Maps.copy(query);
        headers = Maps.copy(headers);
        outputs = Maps.copy(outputs);
    }

    public Optional<ActionParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }
}
