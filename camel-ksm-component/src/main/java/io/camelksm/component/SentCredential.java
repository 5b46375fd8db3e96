package io.camelksm.component;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.camelksm.access.Caller;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.SendTargets;
import io.camelksm.governance.GovernedCredentials;

/**
 * What {@code ksm:} left on an exchange when it handed out a bound credential: which credential, where it may go, who
 * asked, and for {@code authorize} which header (and the value, by reference: the guard compares it, never shows it).
 * For {@code get} there is no header ({@code headerName} null): the values were handed to the route, which may put
 * them anywhere, so the mark holds until {@link KsmSendBindings#release} ends it. The {@link KsmSendGuard} reads it
 * where the message leaves. Unbound credentials leave nothing.
 *
 * @param governed where a refusal is audited
 */
record SentCredential(CredentialName name, SendTargets targets, String headerName, Object headerValue, Caller caller,
                      GovernedCredentials governed) {

    /** The exchange property holding the list; internal to camel-ksm. */
    static final String PROPERTY = "CamelKsmSentCredentials";

    static void add(Exchange exchange, SentCredential sent) {
        @SuppressWarnings("unchecked")
        List<SentCredential> all = exchange.getProperty(PROPERTY, List.class);
        if (all == null) {
            all = new ArrayList<>(1);
            exchange.setProperty(PROPERTY, all);
        }
        all.add(sent);
    }

    /** The bound credentials ksm: put on the exchange (each may have left the message since, see {@link #isOn}). */
    static List<SentCredential> of(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<SentCredential> all = exchange.getProperty(PROPERTY, List.class);
        return all == null ? List.of() : all;
    }

    /** Whether it is still on the message: values handed to the route, or its header with the value ksm: put there. */
    boolean isOn(Message message) {
        return handedOver() || headerValue.equals(message.getHeader(headerName));
    }

    /** Turns the marks of the header's current value into marks of the whole exchange. */
    static void handOver(Exchange exchange, String headerName) {
        @SuppressWarnings("unchecked")
        List<SentCredential> all = exchange.getProperty(PROPERTY, List.class);
        if (all == null) {
            return;
        }
        Object value = exchange.getMessage().getHeader(headerName);
        all.replaceAll(sent -> headerName.equals(sent.headerName) && sent.headerValue.equals(value)
                ? new SentCredential(sent.name, sent.targets, null, null, sent.caller, sent.governed) : sent);
    }

    /** Whether the values were handed to the route (operation get) rather than put in one header. */
    boolean handedOver() {
        return headerName == null;
    }

    /** Where the credential is on the message, in words. */
    String where() {
        return handedOver() ? "values of the credential (handed to the route by operation=get)" : "header " + headerName;
    }

    @Override
    public String toString() {
        return "credential '" + name + "' bound to " + targets + " (" + where() + ")";
    }
}
