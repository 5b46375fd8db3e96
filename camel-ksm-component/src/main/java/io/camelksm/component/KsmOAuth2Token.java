package io.camelksm.component;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.credential.CredentialName;

/**
 * The OAuth 2.0 access token a {@code ksm:} step put on the exchange, kept in the exchange property
 * {@value KsmOAuth2#TOKEN_PROPERTY} so that the route can evict exactly that token when the API rejects it. Shows
 * neither the token nor anything derived from it in {@link #toString()}.
 */
public final class KsmOAuth2Token {

    private static final Logger LOG = LoggerFactory.getLogger(KsmOAuth2Token.class);

    private final CredentialName credential;
    private final AccessToken token;
    private final OAuth2TokenProvider provider;
    /**
     * Evicts this token at the end of an exchange that ended with HTTP 401, if it is the exchange's last token (the
     * one its last {@code ksm:} step put on it); one per token, shared by exchanges.
     */
    private final Synchronization evictOn401 = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange done) {
            if (KsmOAuth2.token(done) == KsmOAuth2Token.this && KsmOAuth2.endedUnauthorized(done) && evict()) {
                LOG.info("Evicted the access token of credential '{}' after HTTP 401 (exchange {})", credential,
                        done.getExchangeId());
            }
        }
    };

    KsmOAuth2Token(CredentialName credential, AccessToken token, OAuth2TokenProvider provider) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.token = Objects.requireNonNull(token, "token");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The exchange completion that evicts this token when the exchange ends with HTTP 401. */
    Synchronization evictOn401() {
        return evictOn401;
    }

    /** The credential the token was obtained for. */
    public CredentialName getCredentialName() {
        return credential;
    }

    public Instant getExpiresAt() {
        return token.expiresAt();
    }

    /** The scope granted (or requested, when the server did not say). */
    public Optional<String> getScope() {
        return token.scope();
    }

    /**
     * Drops the token from the cache if it is still the cached one, so the next {@code ksm:} step for the credential
     * gets a fresh one. Many exchanges rejected with the same token cause one new token request.
     *
     * @return whether the token was still cached
     */
    public boolean evict() {
        return provider.evict(token);
    }

    /** Whether this is the handle of that very token (by identity), from that credential and provider. */
    boolean isFor(CredentialName credential, AccessToken token, OAuth2TokenProvider provider) {
        return this.token == token && this.provider == provider && this.credential.equals(credential);
    }

    @Override
    public String toString() {
        return "KsmOAuth2Token[credential=" + credential + ", " + token + "]";
    }
}
