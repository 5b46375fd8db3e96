package io.camelksm.component;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route helpers for OAuth 2.0 credentials: recognise an HTTP 401 from the API and evict the access token the exchange
 * carried, so that a redelivery (or the next exchange) gets a fresh one.
 *
 * <p>Camel redelivers the failed step only, so the {@code ksm:} step must be inside what is redelivered: put it and the
 * HTTP call in a sub-route without an error handler, and redeliver the call of that sub-route:
 *
 * <pre>{@code
 * from("direct:sync").routeId("sync")
 *     .onException(HttpOperationFailedException.class).onWhen(KsmOAuth2.unauthorized())
 *         .maximumRedeliveries(1).onRedelivery(KsmOAuth2.evictToken()).end()
 *     .to("direct:graph");
 * from("direct:graph").routeId("graph").errorHandler(noErrorHandler())
 *     .to("ksm:Graph")
 *     .to("https://graph.example/v1.0/me");
 * }</pre>
 */
public final class KsmOAuth2 {

    /** The exchange property holding the {@link KsmOAuth2Token} of the last OAuth 2.0 {@code ksm:} step. */
    public static final String TOKEN_PROPERTY = "CamelKsmOAuth2Token";

    private static final Logger LOG = LoggerFactory.getLogger(KsmOAuth2.class);
    private static final int UNAUTHORIZED = 401;

    private KsmOAuth2() {
    }

    /**
     * True when the exchange failed with HTTP 401: its exception (or the caught exception, or one of their causes) has
     * a {@code getStatusCode()} of 401, as camel-http's and camel-vertx-http's {@code HttpOperationFailedException} do;
     * or, for calls with {@code throwExceptionOnFailure=false}, the {@code CamelHttpResponseCode} header is 401.
     */
    public static Predicate unauthorized() {
        return KsmOAuth2::isUnauthorized;
    }

    /** Evicts the exchange's access token ({@link KsmOAuth2Token#evict()}); does nothing when it has none. */
    public static Processor evictToken() {
        return exchange -> evict(exchange, "on request");
    }

    /** Evicts the exchange's access token only when the exchange failed with HTTP 401 ({@link #unauthorized()}). */
    public static Processor evictTokenOn401() {
        return exchange -> {
            if (isUnauthorized(exchange)) {
                evict(exchange, "after HTTP 401");
            }
        };
    }

    /** The token the last OAuth 2.0 {@code ksm:} step of the exchange obtained, or null. */
    public static KsmOAuth2Token token(Exchange exchange) {
        return exchange.getProperty(TOKEN_PROPERTY, KsmOAuth2Token.class);
    }

    static boolean evict(Exchange exchange, String why) {
        KsmOAuth2Token token = token(exchange);
        if (token == null) {
            LOG.debug("Exchange {} carries no OAuth 2.0 access token to evict", exchange.getExchangeId());
            return false;
        }
        boolean evicted = token.evict();
        LOG.info("{} the access token of credential '{}' {} (exchange {})",
                evicted ? "Evicted" : "Already replaced:", token.getCredentialName(), why, exchange.getExchangeId());
        return evicted;
    }

    /**
     * Whether the exchange, as it ends, failed with HTTP 401 or carries the response code 401. Unlike
     * {@link #isUnauthorized}, a 401 that was caught and redelivered past (or handled) does not count: the token of
     * the successful redelivery must stay.
     */
    static boolean endedUnauthorized(Exchange exchange) {
        if (hasStatus(exchange.getException(), UNAUTHORIZED)) {
            return true;
        }
        Object code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        return code != null && String.valueOf(code).strip().equals(String.valueOf(UNAUTHORIZED));
    }

    static boolean isUnauthorized(Exchange exchange) {
        if (hasStatus(exchange.getException(), UNAUTHORIZED)
            || hasStatus(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class), UNAUTHORIZED)) {
            return true;
        }
        Object code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        return code != null && String.valueOf(code).strip().equals(String.valueOf(UNAUTHORIZED));
    }

    /**
     * Whether the exception or one of its causes reports the status. Found by its {@code int getStatusCode()} method,
     * so that camel-ksm depends on no HTTP component.
     */
    private static boolean hasStatus(Throwable failure, int status) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            try {
                Method method = t.getClass().getMethod("getStatusCode");
                if ((method.getReturnType() == int.class || method.getReturnType() == Integer.class)
                    && Modifier.isPublic(method.getDeclaringClass().getModifiers())
                    && Integer.valueOf(status).equals(method.invoke(t))) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // not an HTTP failure: look at its cause
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("Cannot read the status code of {}: {}", t.getClass().getName(), e.toString());
            }
        }
        return false;
    }
}
