package io.camelksm.connector.definition;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the connector authorizes: the type, the default credential, the credentials a caller may pick at run time and
 * the OAuth 2.0 options that override the credential's own. {@code credential} is null only for type {@code none}.
 */
public record Authentication(AuthenticationType type, String credential, List<String> allowedCredentials,
        boolean preemptive, String tokenUrl, String scope, String audience, String subject, String resource,
        CustomAuthentication custom) {

    public Authentication {
        allowedCredentials = allowedCredentials == null ? List.of() : List.copyOf(allowedCredentials);
    }

    /** Every credential the connector may use: the default first, then those a caller may pick; none for type none. */
    public Set<String> credentials() {
        Set<String> credentials = new LinkedHashSet<>();
        if (credential != null) {
            credentials.add(credential);
        }
        credentials.addAll(allowedCredentials);
        return Collections.unmodifiableSet(credentials);
    }

    /** Whether a caller may choose this credential: one of allowedCredentials, or the default when there is no list. */
    public boolean offers(String credentialName) {
        if (credentialName == null) {
            return false;
        }
        return allowedCredentials.isEmpty() ? credentialName.equals(credential)
                : allowedCredentials.contains(credentialName);
    }
}
