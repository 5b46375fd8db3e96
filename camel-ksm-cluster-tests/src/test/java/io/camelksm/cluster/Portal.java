package io.camelksm.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

import io.camelksm.access.KsmAccessDeniedException;

/**
 * The BASIC credential 'Portal' the change notice tests use: created and granted with ksm-admin, read on every node by
 * route {@code portal} ({@code direct:portal -> ksm:Portal}, which puts {@code Authorization: Basic ...} on the message).
 * Granted to any role and resource, and to process {@code portal} (the route): revoking that process denies every node.
 */
final class Portal {

    static final String ENDPOINT = "direct:portal";
    static final String PASSWORD = "pw-1-portal";
    static final String NEW_PASSWORD = "pw-2-portal";

    enum Outcome {
        GRANTED, DENIED, FAILED
    }

    private Portal() {
    }

    static void createAndGrant(Admin admin) {
        admin.run(PASSWORD + "\n", "credential", "add", "--name", "Portal", "--type", "basic", "--username", "bot");
        grant(admin);
    }

    static void grant(Admin admin) {
        admin.run("", "credential", "grant", "Portal", "--role", "*", "--process", "portal", "--resource", "*");
    }

    static void revoke(Admin admin) {
        admin.run("", "credential", "revoke", "Portal", "--process", "portal");
    }

    static RoutesBuilder routes(String nodeName) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // a denial is an outcome here, not an error to log
                from(ENDPOINT).routeId("portal").to("ksm:Portal");
            }
        };
    }

    static Outcome outcome(Exchange exchange) {
        Exception e = exchange.getException();
        if (e == null) {
            return exchange.getMessage().getHeader("Authorization") != null ? Outcome.GRANTED : Outcome.FAILED;
        }
        return e instanceof KsmAccessDeniedException ? Outcome.DENIED : Outcome.FAILED;
    }

    static Outcome outcome(ClusterNode node) {
        return outcome(node.send(ENDPOINT));
    }

    /** The password the node put in the Basic header, or null when it was not granted. */
    static String password(ClusterNode node) {
        Exchange exchange = node.send(ENDPOINT);
        String header = exchange.getException() == null ? exchange.getMessage().getHeader("Authorization", String.class)
                : null;
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return pair.substring(pair.indexOf(':') + 1);
    }

    /** The revoke of {@link #revoke} with the triggers off: no node hears of it. */
    static void revokeUnnoticed(ClusterDatabase database) throws Exception {
        database.executeUnnoticed("DELETE FROM access_right WHERE dimension = 'PROCESS' AND granted_value = 'portal'");
    }

    /** Undoes {@link #revokeUnnoticed}, again unheard of. */
    static void grantUnnoticed(ClusterDatabase database) throws Exception {
        database.executeUnnoticed("INSERT INTO access_right (credential_key, dimension, granted_value, granted_at)"
                                  + " SELECT credential_key, 'PROCESS', 'portal', CURRENT_TIMESTAMP FROM access_right"
                                  + " WHERE dimension = 'ROLE' AND granted_value = '*'");
    }
}
