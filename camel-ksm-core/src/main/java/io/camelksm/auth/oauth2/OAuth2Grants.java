package io.camelksm.auth.oauth2;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialType.Capability;

/** The registry of grants: the {@link OAuth2Grant} of each {@link Capability#OAUTH2_GRANT} credential type. */
final class OAuth2Grants {

    private static final Map<CredentialType, OAuth2Grant> GRANTS = register(List.of(
            new ClientCredentialsGrant(), new JwtBearerGrant()));

    private OAuth2Grants() {
    }

    /** The grant of the type, empty for types that are not exchanged for tokens. */
    static Optional<OAuth2Grant> forType(CredentialType type) {
        return Optional.ofNullable(GRANTS.get(type));
    }

    /** Keys the grants by type; every {@link Capability#OAUTH2_GRANT} type must have exactly one. */
    private static Map<CredentialType, OAuth2Grant> register(List<OAuth2Grant> grants) {
        Map<CredentialType, OAuth2Grant> byType = new EnumMap<>(CredentialType.class);
        for (OAuth2Grant grant : grants) {
            CredentialType type = grant.credentialType();
            if (!type.isOAuth2() || byType.put(type, grant) != null) {
                throw new IllegalStateException("grant " + grant + " for " + type
                                                + ": not an OAUTH2_GRANT type, or registered twice");
            }
        }
        for (CredentialType type : CredentialType.values()) {
            if (type.isOAuth2() && !byType.containsKey(type)) {
                throw new IllegalStateException(type + " is an OAUTH2_GRANT type without a grant");
            }
        }
        return Collections.unmodifiableMap(byType);
    }
}
