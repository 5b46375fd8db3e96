package io.camelksm.component;

import org.apache.camel.Exchange;

/**
 * For code that places a bound credential's values itself (e.g. a connector's custom authentication after
 * {@code ksm:...?operation=get}): once every value is off the message, {@link #release} ends the binding, so the
 * exchange may go on to endpoints outside the credential's {@code sendTo}. A header put by {@code operation=authorize}
 * needs no release: removing the header ends its binding.
 */
public final class KsmSendBindings {

    private KsmSendBindings() {
    }

    /**
     * The value {@code ksm:} put in the header is about to be copied elsewhere (a query parameter, a body field, another
     * header) and the header removed: the binding moves from the header to the whole exchange, until {@link #release}.
     */
    public static void handOver(Exchange exchange, String headerName) {
        SentCredential.handOver(exchange, headerName);
    }

    /** Ends the bindings {@code ksm:} put on the exchange; call it only once the credential's values are removed. */
    public static void release(Exchange exchange) {
        exchange.removeProperty(SentCredential.PROPERTY);
    }
}
