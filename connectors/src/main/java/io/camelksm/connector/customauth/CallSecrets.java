package io.camelksm.connector.customauth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.Destroyable;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

import io.camelksm.credential.Secret;

/**
 * The secrets one call put on its exchange (expanded custom-authentication values), kept in the exchange property
 * {@value #PROPERTY} while the call runs: what {@link SecretMaskingExchangeFormatter} masks wherever they appear, and
 * what {@link #release} scrubs from the body and the failure and then wipes.
 */
public final class CallSecrets implements Destroyable {

    /** The exchange property that holds the call's secrets. */
    public static final String PROPERTY = "CamelKsmConnectorSecrets";

    private final List<Secret> secrets = new CopyOnWriteArrayList<>();
    private volatile SecretScrubber scrubber;
    private volatile boolean destroyed;

    private CallSecrets() {
    }

    /** The exchange's secrets, created on first use. */
    public static CallSecrets on(Exchange exchange) {
        CallSecrets found = exchange.getProperty(PROPERTY, CallSecrets.class);
        if (found == null) {
            found = new CallSecrets();
            exchange.setProperty(PROPERTY, found);
        }
        return found;
    }

    /** The exchange's secrets, or null when it holds none. */
    public static CallSecrets of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, CallSecrets.class);
    }

    /** Takes ownership of the secrets: they are wiped in {@link #destroy()}. */
    public void addAll(List<Secret> values) {
        secrets.addAll(values);
        scrubber = null;
    }

    /** The text with every form of every secret masked. */
    public String scrub(String text) {
        return scrubber().scrub(text);
    }

    /** Whether the text holds any form of a secret. */
    boolean leaks(String text) {
        return scrubber().leaks(text);
    }

    private SecretScrubber scrubber() {
        SecretScrubber current = scrubber;
        if (current == null) {
            current = SecretScrubber.of(secrets);
            scrubber = current;
        }
        return current;
    }

    /**
     * Ends the call's secrets: a String body or an exception message that holds one is masked (a request body that never
     * got its response, an API that echoes a key), then the secrets are wiped and the property removed.
     */
    public static void release(Exchange exchange) {
        CallSecrets secrets = exchange.getProperty(PROPERTY, CallSecrets.class);
        if (secrets == null) {
            return;
        }
        try {
            Object body = exchange.getMessage().getBody();
            if (body instanceof String || body instanceof StreamCache) {
                // a cached response stream can be read again; any other stream is left alone
                String text = exchange.getMessage().getBody(String.class);
                if (body instanceof StreamCache cache) {
                    cache.reset();
                }
                String scrubbed = secrets.scrub(text);
                if (text != null && !scrubbed.equals(text)) {
                    exchange.getMessage().setBody(scrubbed);
                }
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                exchange.setException(ScrubbedException.of(failure, secrets));
            }
            Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (caught != null) {
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, ScrubbedException.of(caught, secrets));
            }
        } finally {
            exchange.removeProperty(PROPERTY);
            secrets.destroy();
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        secrets.forEach(Secret::destroy);
        secrets.clear();
        scrubber = null;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "CallSecrets[" + secrets.size() + " masked]";
    }
}
