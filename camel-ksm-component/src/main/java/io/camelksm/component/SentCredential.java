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
 * What {@code ksm:} left on an exchange when it put a bound credential's header on the message: which credential, where
 * it may go, which header (and the value, by reference: the guard compares it, never shows it), who asked. The
 * {@link KsmSendGuard} reads it where the message leaves. Unbound credentials leave nothing.
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

    /** The bound credentials whose header is still on the message with the value ksm: put there. */
    static List<SentCredential> onMessage(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<SentCredential> all = exchange.getProperty(PROPERTY, List.class);
        if (all == null || all.isEmpty()) {
            return List.of();
        }
        Message message = exchange.getMessage();
        List<SentCredential> present = new ArrayList<>(all.size());
        for (SentCredential sent : all) {
            if (sent.headerValue.equals(message.getHeader(sent.headerName))) {
                present.add(sent);
            }
        }
        return present;
    }

    @Override
    public String toString() {
        return "credential '" + name + "' bound to " + targets + " (header " + headerName + ")";
    }
}
