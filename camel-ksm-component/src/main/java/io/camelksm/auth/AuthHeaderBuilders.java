package io.camelksm.auth;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialType;

/** Finds the header builder for a credential type, or explains why the type has none. */
public final class AuthHeaderBuilders {

    private static final AuthHeaderBuilder BASIC = new BasicAuthHeader();
    private static final AuthHeaderBuilder BEARER = new BearerAuthHeader();

    private AuthHeaderBuilders() {
    }

    /**
     * The builder for the credential's type.
     *
     * @throws KsmException naming the credential, for types that do not (yet) produce an authentication header
     */
    public static AuthHeaderBuilder forCredential(Credential credential) {
        try {
            return forType(credential.type());
        } catch (KsmException e) {
            throw new KsmException("Credential '" + credential.name() + "': " + e.getMessage());
        }
    }

    /**
     * The builder for the type.
     *
     * @throws KsmException for types that do not (yet) produce an authentication header
     */
    public static AuthHeaderBuilder forType(CredentialType type) {
        return switch (type) {
            case BASIC -> BASIC;
            case BEARER -> BEARER;
            case OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT_BEARER ->
                throw new KsmException(type + " is not supported yet: no authentication header can be built for it");
            case GENERAL, DATA_GATEWAY -> throw new KsmException(type
                    + " credentials have no authentication header: use operation=get to hand their fields to the route");
        };
    }
}
