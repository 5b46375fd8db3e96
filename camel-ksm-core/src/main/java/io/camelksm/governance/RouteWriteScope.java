package io.camelksm.governance;

import io.camelksm.access.Caller;
import io.camelksm.access.KsmWriteRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.camelksm.credential.AllowedHosts;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.SendTargets;

/**
 * What a route's write may change. By default only secret values: the password, token, client secret, private key and
 * secret properties (replaced or added). Everything else (token URL, client id, audience, client authentication
 * method, other non-secret fields, plain properties, a new {@code form.*} property, removing a secret) decides where
 * and how the secrets are sent, so it needs the credential to allow route metadata writes. The expiry goes with a
 * rotation and may be written. The allowed hosts and the send targets ({@code sendTo}) never change through a route,
 * and a token URL a route writes must name one of the allowed hosts.
 */
final class RouteWriteScope {

    /** Properties named so are sent to the token endpoint as form parameters (OAuth2TokenProvider). */
    private static final String FORM_PREFIX = "form.";

    private RouteWriteScope() {
    }

    /**
     * Refuses the change from {@code before} to {@code after} if it goes beyond what the route may write.
     *
     * @throws KsmWriteRefusedException naming every refused part
     */
    static void check(Credential before, Credential after, boolean metadataAllowed, String operation, Caller caller) {
        List<String> neverByRoutes = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        compareFields(before, after, metadata);
        compareProperties(before, after, metadata, neverByRoutes);
        // The expiry is not checked: it says when the secret must be rotated, never where it is sent, and the
        // RPA rotation flow writes a new password with its new expiry in one step.
        if (!before.description().equals(after.description())) {
            metadata.add("description");
        }
        if (!Objects.equals(before.invalidSince(), after.invalidSince())) {
            metadata.add("invalidSince");
        }
        if (!neverByRoutes.isEmpty()) {
            throw new KsmWriteRefusedException(before.name(), operation, caller, neverByRoutes,
                    "routes may never change " + String.join(", ", neverByRoutes)
                    + " (only an administrator can, with ksm-admin)");
        }
        if (!metadata.isEmpty() && !metadataAllowed) {
            throw new KsmWriteRefusedException(before.name(), operation, caller, metadata,
                    "routes may change only its secret values (password, token, clientSecret, privateKey, secret"
                    + " properties), not " + String.join(", ", metadata) + "; an administrator can allow more with"
                    + " ksm-admin credential grant '" + before.name() + "' --allow-route-metadata-writes");
        }
        String tokenUrlBefore = before.field(CredentialField.TOKEN_URL).orElse(null);
        String tokenUrlAfter = after.field(CredentialField.TOKEN_URL).orElse(null);
        if (tokenUrlAfter != null && !tokenUrlAfter.equals(tokenUrlBefore)) {
            Optional<AllowedHosts> allowed = AllowedHosts.of(after);
            try {
                allowed.ifPresent(hosts -> hosts.check(tokenUrlAfter));
            } catch (IllegalArgumentException e) {
                throw new KsmWriteRefusedException(before.name(), operation, caller,
                        List.of(CredentialField.TOKEN_URL.fieldName()), e.getMessage());
            }
        }
    }

    private static void compareFields(Credential before, Credential after, List<String> metadata) {
        for (CredentialField field : CredentialField.values()) {
            if (field.isSecret()) {
                if (before.secret(field).isPresent() && after.secret(field).isEmpty()) {
                    metadata.add(field.fieldName() + " (removed)");
                }
            } else if (!before.field(field).equals(after.field(field))) {
                metadata.add(field.fieldName());
            }
        }
    }

    private static void compareProperties(Credential before, Credential after, List<String> metadata,
                                          List<String> neverByRoutes) {
        Set<String> names = new TreeSet<>(before.properties().keySet());
        names.addAll(after.properties().keySet());
        for (String name : names) {
            CredentialProperty old = before.properties().get(name);
            CredentialProperty now = after.properties().get(name);
            if (old == now) {
                continue; // untouched: the same object
            }
            String what = "property '" + name + "'";
            if (AllowedHosts.isAllowedHostsProperty(name) || SendTargets.isSendToProperty(name)) {
                neverByRoutes.add(what);
            } else if (now == null) {
                metadata.add(what + " (removed)");
            } else if (!now.secret()) {
                if (old == null || old.secret() || !old.value().matches(now.value())) {
                    metadata.add(what + " (plain)");
                }
            } else if (old != null && !old.secret()) {
                metadata.add(what + " (plain made secret)");
            } else if (old == null && name.regionMatches(true, 0, FORM_PREFIX, 0, FORM_PREFIX.length())) {
                metadata.add(what + " (a new token request parameter)");
            }
        }
    }
}
