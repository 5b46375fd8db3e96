package io.camelksm.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One place that uses a credential: a {@code ksm:} endpoint of a started route, a connector definition's route or a
 * Kamelet's route, on one node. Names and places only, never a value. A row is what its node ran at its last run:
 * running until the node stops the route (or closes), then stopped until the node starts again.
 *
 * @param credential   the credential, as the place spells it
 * @param kind         what kind of place it is
 * @param location     the endpoint URI, the definition (file or URL, connector and action) or the Kamelet's name
 * @param routeId      the route that uses it (the audit trail's route id)
 * @param node         the node that registered it ({@code nodeName})
 * @param registeredAt when it was registered, or null before it is stored
 * @param lastUsed     the newest granted decision of the credential in that route, or null if none (or unknown)
 * @param stoppedAt    when its node stopped the route, or null while it runs (or the node crashed)
 */
public record CredentialReference(CredentialName credential, Kind kind, String location, String routeId, String node,
                                  Instant registeredAt, Instant lastUsed, Instant stoppedAt) {

    /** The kinds of places that use credentials. */
    public enum Kind {
        /** A {@code ksm:} endpoint in a route. */
        ENDPOINT,
        /** A route made from a Web API connector definition. */
        CONNECTOR,
        /** A route made from a Kamelet. */
        KAMELET
    }

    public CredentialReference {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(kind, "kind");
        location = requireText(location, "location");
        routeId = requireText(routeId, "routeId");
        node = requireText(node, "node");
    }

    /** A place to register; the store adds the time. */
    public static CredentialReference of(CredentialName credential, Kind kind, String location, String routeId,
                                         String node) {
        return new CredentialReference(credential, kind, location, routeId, node, null, null, null);
    }

    /** The same place as stored: the time it was registered, its last use and when its node stopped it. */
    public CredentialReference stored(Instant registeredAt, Instant lastUsed, Instant stoppedAt) {
        return new CredentialReference(credential, kind, location, routeId, node, registeredAt, lastUsed, stoppedAt);
    }

    public Optional<Instant> lastUse() {
        return Optional.ofNullable(lastUsed);
    }

    /** Whether its node still runs the route, as far as the row knows (a crashed node's rows stay running). */
    public boolean running() {
        return stoppedAt == null;
    }

    /** {@code running}, or {@code stopped at <time>}. */
    public String state() {
        return running() ? "running" : "stopped at " + stoppedAt;
    }

    /** Whether both name the same place (credential, kind, location, route and node), whatever their times. */
    public boolean samePlace(CredentialReference other) {
        return credential.equals(other.credential) && kind == other.kind && location.equals(other.location)
               && routeId.equals(other.routeId) && node.equals(other.node);
    }

    /** One line for logs: kind, location, route and node. */
    public String place() {
        return place("");
    }

    /** One line for messages and the audit trail: kind, location, route, node and state. */
    public String describe() {
        return place(", " + state());
    }

    private String place(String more) {
        return kind + " " + location + " (route " + routeId + " on node " + node + more + ")";
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A credential reference needs its " + what);
        }
        return text.strip();
    }
}
