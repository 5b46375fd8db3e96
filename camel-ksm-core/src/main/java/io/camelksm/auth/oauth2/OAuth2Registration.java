package io.camelksm.auth.oauth2;

import static io.camelksm.credential.CredentialField.AUDIENCE;
import static io.camelksm.credential.CredentialField.CLIENT_AUTHENTICATION_METHOD;
import static io.camelksm.credential.CredentialField.CLIENT_ID;
import static io.camelksm.credential.CredentialField.CLIENT_SECRET;
import static io.camelksm.credential.CredentialField.KEY_ID;
import static io.camelksm.credential.CredentialField.PRIVATE_KEY;
import static io.camelksm.credential.CredentialField.SCOPE;
import static io.camelksm.credential.CredentialField.TOKEN_URL;

import java.net.URI;
import java.util.Map;
import java.util.StringJoiner;

import io.camelksm.credential.AllowedHosts;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialType.Capability;
import io.camelksm.credential.Secret;

/**
 * An OAuth 2.0 credential parsed and checked once (after Spring Security's {@code ClientRegistration}): its grant,
 * token URL, client and how it authenticates, default scope and audience, extra form parameters, key material and,
 * for the JWT bearer grant, the assertion's fields. A credential that parses is one a token request can be built from;
 * the write-time validator parses the same way.
 * <p>
 * The client secret and private key are the credential's own {@link Secret}s, not copies: they are wiped with the
 * credential ({@link Credential#destroySecrets()}), and a registration lives no longer than the credential it was
 * parsed from. {@link #toString()} shows neither.
 */
final class OAuth2Registration {

    private final CredentialName credentialName;
    private final OAuth2Grant grant;
    private final URI tokenUrl;
    private final AllowedHosts allowedHosts;
    private final String clientId;
    private final Secret clientSecret;
    private final Secret privateKey;
    private final String keyId;
    private final String scope;
    private final String audience;
    private final FormProperties form;
    private final ClientAuthentication clientAuthentication;
    private final GrantFields grantFields;

    /** In the order the first exchange has always checked them, so the first problem found is the one reported. */
    private OAuth2Registration(Credential credential, OAuth2Grant grant, OAuth2Settings settings) {
        this.credentialName = credential.name();
        this.grant = grant;
        this.tokenUrl = TokenUrl.check(required(credential, TOKEN_URL), settings.allowPlainHttp());
        // per credential, after the URL's form: secrets go only to a host the credential allows
        this.allowedHosts = AllowedHosts.of(credential).orElse(null);
        if (allowedHosts != null) {
            allowedHosts.check(tokenUrl.toString());
        }
        this.scope = optional(credential, SCOPE);
        this.audience = optional(credential, AUDIENCE);
        this.form = FormProperties.of(credential);
        this.clientId = optional(credential, CLIENT_ID);
        this.clientSecret = credential.secret(CLIENT_SECRET).orElse(null);
        this.privateKey = credential.secret(PRIVATE_KEY).orElse(null);
        this.keyId = credential.field(KEY_ID).orElse(null);
        this.clientAuthentication = ClientAuthentication.of(method(credential.field(CLIENT_AUTHENTICATION_METHOD)
                .orElse(null)));
        clientAuthentication.check(clientId, clientSecret, privateKey);
        this.grantFields = grant.read(credential, clientAuthentication, settings.assertionLifetime());
    }

    /**
     * Parses an OAuth 2.0 credential.
     *
     * @param settings whether plain http is allowed, and the default assertion lifetime
     * @throws KsmTokenException ({@link KsmTokenException.Reason#CONFIGURATION}) naming the field at fault, never a
     *                           secret
     */
    static OAuth2Registration parse(Credential credential, OAuth2Settings settings) {
        try {
            OAuth2Grant grant = OAuth2Grants.forType(credential.type()).orElseThrow(
                    () -> new IllegalArgumentException("it is a " + credential.type() + " credential, not "
                            + CredentialType.namesWith(Capability.OAUTH2_GRANT, "or")));
            return new OAuth2Registration(credential, grant, settings);
        } catch (IllegalArgumentException e) {
            throw KsmTokenException.configuration(credential.name(), e.getMessage());
        }
    }

    /** The method the credential names, else the grant's default; a method the grant cannot use is refused. */
    private ClientAuthenticationMethod method(String name) {
        if (name == null || name.isBlank()) {
            return grant.defaultClientAuthentication(clientSecret != null, privateKey != null);
        }
        ClientAuthenticationMethod method = ClientAuthenticationMethod.parse(name).orElseThrow(
                () -> new IllegalArgumentException("clientAuthenticationMethod '" + name.strip() + "' is unknown; use"
                                                   + " one of " + ClientAuthenticationMethod.names()));
        grant.checkClientAuthentication(method);
        return method;
    }

    CredentialName credentialName() {
        return credentialName;
    }

    OAuth2Grant grant() {
        return grant;
    }

    URI tokenUrl() {
        return tokenUrl;
    }

    /** The hosts the credential's {@code allowedHosts} names, or null when it names none. */
    AllowedHosts allowedHosts() {
        return allowedHosts;
    }

    /** The stripped {@code clientId}, or null. */
    String clientId() {
        return clientId;
    }

    /** The credential's client secret, or null; not a copy. */
    Secret clientSecret() {
        return clientSecret;
    }

    /** The credential's private key, or null; not a copy. */
    Secret privateKey() {
        return privateKey;
    }

    /** The {@code kid} of signed assertions, or null. */
    String keyId() {
        return keyId;
    }

    /** The credential's default scope, or null. */
    String scope() {
        return scope;
    }

    /** The credential's default audience, or null. */
    String audience() {
        return audience;
    }

    /** The plain {@code form.resource} indicator, or null. */
    String resource() {
        return form.resource();
    }

    /** The other {@code form.*} parameters by name. */
    Map<String, CredentialProperty> formParameters() {
        return form.others();
    }

    ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    GrantFields grantFields() {
        return grantFields;
    }

    /** Names and non-secret values only. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "OAuth2Registration[", "]");
        out.add("credential=" + credentialName).add("grant=" + grant.grantType())
                .add("tokenUrl=" + TokenRequest.displayUrl(tokenUrl))
                .add("clientAuthentication=" + clientAuthentication.method());
        if (clientId != null) {
            out.add("clientId=" + clientId);
        }
        if (clientSecret != null) {
            out.add("clientSecret=******");
        }
        if (privateKey != null) {
            out.add("privateKey=******");
        }
        if (grantFields.issuer() != null) {
            out.add("issuer=" + grantFields.issuer()).add("subject=" + grantFields.subject());
        }
        if (scope != null) {
            out.add("scope=" + scope);
        }
        if (audience != null) {
            out.add("audience=" + audience);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException naming the field when it is missing or blank */
    static String required(Credential credential, CredentialField field) {
        return credential.field(field).filter(v -> !v.isBlank()).map(String::strip)
                .orElseThrow(() -> new IllegalArgumentException("the field '" + field.fieldName() + "' is missing"));
    }

    private static String optional(Credential credential, CredentialField field) {
        return first(credential.field(field).orElse(null), null);
    }

    /** The first value that is not blank, stripped; null when neither is. */
    static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.strip()
                : fallback != null && !fallback.isBlank() ? fallback.strip() : null;
    }
}
