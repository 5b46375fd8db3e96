package io.camelksm.connector.definition;

import java.util.Map;

/**
 * The templates of {@code authentication.custom}: header, query and body values that may hold credential tokens such
 * as {@code [Credential.Password]}. The templates are not secrets; their expansions are.
 */
public record CustomAuthentication(Map<String, String> headers, Map<String, String> query, Map<String, String> body) {

    public CustomAuthentication {
        headers = Maps.copy(headers);
        query = Maps.copy(query);
        body = Maps.copy(body);
    }
}
