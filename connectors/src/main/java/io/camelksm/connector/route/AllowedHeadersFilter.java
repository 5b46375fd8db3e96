package io.camelksm.connector.route;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Lets only the headers a definition names (plus {@code Authorization} or custom authentication's, and
 * {@code Content-Type}) go out to the API; the response's headers are filtered as camel-http does.
 */
final class AllowedHeadersFilter implements HeaderFilterStrategy {

    private final Set<String> allowed;
    private final HeaderFilterStrategy responses = new HttpHeaderFilterStrategy();

    AllowedHeadersFilter(Set<String> allowed) {
        this.allowed = allowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !allowed.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return responses.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
