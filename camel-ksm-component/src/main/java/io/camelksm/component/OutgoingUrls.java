package io.camelksm.component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The URLs an HTTP endpoint may send an exchange to: its own URI and what camel-http (and the other HTTP clients that
 * honour them) take from the message: {@code CamelHttpUri} replaces the base, {@code CamelHttpPath} is appended to it.
 * Every one is checked, so the guard refuses when any is outside the credential's targets. {@code CamelHttpQuery}
 * changes neither host nor path and is not needed for the decision.
 */
final class OutgoingUrls {

    static final String HTTP_URI = Exchange.HTTP_URI;
    static final String HTTP_PATH = Exchange.HTTP_PATH;

    private OutgoingUrls() {
    }

    /**
     * The endpoint's own URL if it sends over HTTP: {@code http(s)://...}, or a component prefix followed by one
     * ({@code vertx-http:https://...}, {@code netty-http:http://...}); empty for every other endpoint.
     */
    static Optional<String> baseUrl(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Optional.of(withoutQuery(uri));
        }
        int colon = lower.indexOf(':');
        if (colon > 0) {
            String rest = lower.substring(colon + 1);
            if (rest.startsWith("http://") || rest.startsWith("https://")) {
                return Optional.of(withoutQuery(uri.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    /**
     * The URLs the message adds to an HTTP endpoint's base URL: {@code CamelHttpUri}, then the base and that URI each
     * with {@code CamelHttpPath}; none when the message has neither header.
     */
    static List<String> fromMessage(String baseUrl, Exchange exchange) {
        Message message = exchange.getMessage();
        String headerUri = message.getHeader(HTTP_URI, String.class);
        String path = message.getHeader(HTTP_PATH, String.class);
        boolean hasUri = headerUri != null && !headerUri.isBlank();
        boolean hasPath = path != null && !path.isEmpty();
        if (!hasUri && !hasPath) {
            return List.of();
        }
        List<String> urls = new ArrayList<>(3);
        String uri = hasUri ? withoutQuery(headerUri.strip()) : null;
        if (hasUri) {
            urls.add(uri);
        }
        if (hasPath) {
            urls.add(withPath(baseUrl, path));
            if (hasUri) {
                urls.add(withPath(uri, path));
            }
        }
        return urls;
    }

    private static String withPath(String base, String path) {
        String joined = base.endsWith("/") || path.startsWith("/") ? base + path : base + "/" + path;
        return base.endsWith("/") && path.startsWith("/") ? base + path.substring(1) : joined;
    }

    private static String withoutQuery(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The host of an endpoint's URI for a refusal's record, or its scheme when it names none. */
    static String hostOrScheme(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        try {
            URI parsed = new URI(uri);
            if (parsed.getHost() != null) {
                return parsed.getHost();
            }
            String inner = parsed.getRawSchemeSpecificPart();
            if (inner != null && inner.startsWith("//")) {
                URI rest = new URI("x:" + inner);
                if (rest.getHost() != null) {
                    return rest.getHost();
                }
            }
        } catch (URISyntaxException e) {
            // fall through to the scheme
        }
        int colon = uri.indexOf(':');
        return colon > 0 ? "(" + uri.substring(0, colon) + " endpoint)" : "(unknown)";
    }
}
