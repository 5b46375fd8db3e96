package io.camelksm.runtime;

import java.util.Objects;

import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.store.jdbc.ChangeNotice;
import io.camelksm.store.jdbc.ChangeNoticeListener;
import io.camelksm.store.jdbc.DatabaseSchemes;

/**
 * What a node does when another node (or {@code ksm-admin}) commits a change: drops the cached credential, rights and
 * tokens it concerns, or reads the encryption schemes again; and stops serving from its cache while it cannot hear.
 */
final class ChangeDispatch implements ChangeNoticeListener {

    private final GovernedCredentials credentials;
    private final OAuth2TokenProvider tokens;
    private final DatabaseSchemes schemes;

    ChangeDispatch(GovernedCredentials credentials, OAuth2TokenProvider tokens, DatabaseSchemes schemes) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
    }

    @Override
    public void noticed(ChangeNotice notice) {
        switch (notice.kind()) {
            // a changed credential or revoked right also drops its tokens (the change listeners evict them)
            case CREDENTIAL, RIGHTS -> credentials.dropCached(notice.credential());
            case SCHEMES -> schemes.refresh();
            case TOKENS -> tokens.evict(notice.credential());
        }
    }

    @Override
    public void lost() {
        credentials.suspendCache();
    }

    @Override
    public void listening() {
        credentials.resumeCache();
    }
}
