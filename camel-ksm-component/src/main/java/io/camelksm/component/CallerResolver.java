package io.camelksm.component;

import org.apache.camel.Exchange;

import io.camelksm.access.Caller;

/**
 * Establishes who is calling a {@code ksm:} endpoint. Implementations must use trusted sources only (the route, the
 * node, an authenticated subject put on the exchange by code): never a value that can arrive with a message from
 * outside, such as an HTTP header or query parameter.
 * <p>
 * Bind one in the registry (or set it on the component) to replace {@link DefaultCallerResolver}.
 */
@FunctionalInterface
public interface CallerResolver {

    /**
     * @param exchange the exchange being processed
     * @param endpoint the endpoint asked for the credential, with its configuration and component (node name)
     */
    Caller resolve(Exchange exchange, KsmEndpoint endpoint);
}
