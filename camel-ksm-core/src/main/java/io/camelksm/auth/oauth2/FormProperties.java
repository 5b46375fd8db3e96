package io.camelksm.auth.oauth2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialProperty;

/**
 * A credential's {@code form.*} properties: extra form parameters of its token requests. The {@code resource}
 * indicator (RFC 8707) is kept apart, since it is part of the token cache key and an endpoint may replace it.
 *
 * @param resource the plain {@code form.resource} value, or null
 * @param others   every other extra parameter by form parameter name, secret ones masked in requests
 */
record FormProperties(String resource, Map<String, CredentialProperty> others) {

    /** Form parameters a {@code form.*} property may not set: the grant itself and the client's authentication. */
    private static final Set<String> RESERVED = Set.of("grant_type", "client_id", "client_secret", "client_assertion",
            "client_assertion_type", "assertion", "scope", "audience");

    /** @throws IllegalArgumentException naming the property at fault */
    static FormProperties of(Credential credential) {
        Map<String, CredentialProperty> others = new LinkedHashMap<>();
        String resource = null;
        for (CredentialProperty property : credential.properties().values()) {
            String name = property.name();
            if (!name.regionMatches(true, 0, OAuth2TokenProvider.FORM_PROPERTY_PREFIX, 0,
                    OAuth2TokenProvider.FORM_PROPERTY_PREFIX.length())) {
                continue;
            }
            String parameter = name.substring(OAuth2TokenProvider.FORM_PROPERTY_PREFIX.length());
            if (parameter.isEmpty()) {
                throw new IllegalArgumentException("property '" + name + "' names no form parameter");
            }
            if (RESERVED.contains(parameter.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("property '" + name + "' would set the form parameter '"
                                                   + parameter + "', which camel-ksm controls: "
                                                   + reservedHint(parameter.toLowerCase(Locale.ROOT)));
            }
            if (parameter.equals("resource")) {
                if (property.secret()) {
                    throw new IllegalArgumentException("property '" + name + "' must be a plain property: the"
                                                       + " resource is part of the token cache key");
                }
                resource = property.value().reveal();
            } else {
                others.put(parameter, property);
            }
        }
        return new FormProperties(resource, Collections.unmodifiableMap(others));
    }

    /** Where to set what a reserved form parameter would carry. */
    private static String reservedHint(String parameter) {
        return switch (parameter) {
            case "scope", "audience" -> "use the credential field '" + parameter + "' instead";
            case "client_id", "client_secret", "client_assertion", "client_assertion_type" ->
                    "set the credential fields clientId, clientSecret and clientAuthenticationMethod instead (for the"
                    + " JWT bearer grant too; clientAuthenticationMethod none sends client_id alone)";
            default -> "it comes from the grant itself";
        };
    }
}
