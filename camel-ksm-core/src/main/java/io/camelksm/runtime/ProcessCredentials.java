package io.camelksm.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.camelksm.KsmException;
import io.camelksm.access.Caller;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;

/**
 * Credentials read by code that is not a route (property placeholders, Camel's OAuth profiles, the Spring Boot
 * starter, connectors): every read is a governed read by one named process on this node, without roles, so access
 * rights and the audit trail apply as for routes. Grant the credential to that process, this node and role {@code *}
 * to allow it. Obtained from {@link KsmRuntime#forProcess(String)}; what a read brought is wiped before a method
 * returns.
 */
public final class ProcessCredentials {

    private final GovernedCredentials credentials;
    private final OAuth2TokenProvider tokenProvider;
    private final Caller caller;

    private ProcessCredentials(GovernedCredentials credentials, OAuth2TokenProvider tokenProvider, String process,
                               String nodeName) {
        if (process == null || process.isBlank()) {
            throw new IllegalArgumentException("A process name is needed: access rights are granted to it");
        }
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tokenProvider = tokenProvider;
        this.caller = new Caller(null, Set.of(), process.strip(), nodeName, null);
    }

    /**
     * Over governed credentials (and a token provider, or null when no tokens are asked for) made elsewhere: for a
     * caller that was given these parts before any runtime was opened (the component, before it starts, with
     * {@code governedCredentials} given). Otherwise use {@link KsmRuntime#forProcess(String)}.
     */
    public static ProcessCredentials of(GovernedCredentials credentials, OAuth2TokenProvider tokenProvider,
                                        String process, String nodeName) {
        return new ProcessCredentials(credentials, tokenProvider, process, nodeName);
    }

    /** Who reads: the process on this node, without roles. */
    public Caller caller() {
        return caller;
    }

    /**
     * One field of the credential (secret or not: {@code username}, {@code password}, {@code token} ...) or else one
     * of its additional properties, read as operation {@code get}.
     *
     * @throws io.camelksm.access.KsmAccessDeniedException when the process may not read it (audited as denied)
     * @throws KsmException when the credential has no such field or property
     */
    public String field(CredentialName name, String field) {
        String wanted = Objects.requireNonNull(field, "field").strip();
        Credential credential = credentials.read(name, "get", caller, null);
        try {
            Optional<CredentialField> known = CredentialField.byName(wanted).filter(credential.type()::allows);
            if (known.isPresent()) {
                CredentialField f = known.get();
                Optional<String> value = f.isSecret() ? credential.secret(f).map(Secret::reveal) : credential.field(f);
                return value.orElseThrow(() -> new KsmException("Credential '" + name + "' has no " + f.fieldName()));
            }
            return credential.property(wanted).map(CredentialProperty::value).map(Secret::reveal)
                    .orElseThrow(() -> new KsmException("Credential '" + name + "' of type " + credential.type()
                                                        + " has no field or property '" + wanted + "'"));
        } finally {
            credential.destroySecrets();
        }
    }

    /**
     * The OAuth 2.0 access token of an OAUTH2_CLIENT_CREDENTIALS or OAUTH2_JWT_BEARER credential, read as operation
     * {@code authorize}, from the token provider's cache or fetched now. The token stays the cache's: do not wipe it.
     *
     * @throws KsmException when the credential is of another type (nothing of it is revealed)
     */
    public AccessToken token(CredentialName name, TokenRequestOptions options) {
        Credential credential = credentials.read(name, "authorize", caller, null);
        try {
            if (!credential.type().isOAuth2()) {
                throw new KsmException("Credential '" + name + "' is of type " + credential.type()
                                       + ": an OAuth 2.0 access token needs an "
                                       + CredentialType.namesWith(CredentialType.Capability.OAUTH2_GRANT, "or")
                                       + " credential");
            }
            if (tokenProvider == null) {
                throw new KsmException("No OAuth 2.0 token provider was given to read the token of credential '"
                                       + name + "'");
            }
            return tokenProvider.token(credential, options == null ? TokenRequestOptions.none() : options);
        } finally {
            credential.destroySecrets();
        }
    }

    @Override
    public String toString() {
        return "ProcessCredentials[process=" + caller.process() + ", node=" + caller.resource() + "]";
    }
}
