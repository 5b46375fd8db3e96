package io.camelksm.store.jdbc;

import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.AuditTrail;
import io.camelksm.credential.CredentialStore;

/**
 * camel-ksm's own database: opens the connection pool, migrates the schema with Flyway and hands out the credential
 * store, the access-rights store and the audit trail that live in it.
 */
public final class KsmDatabase implements AutoCloseable {

    // SKELETON: the store branch implements this class; the signatures below are the contract.

    private KsmDatabase() {
    }

    /** Opens (creating and migrating if needed) the database described by the settings. */
    public static KsmDatabase open(DatabaseSettings settings) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public CredentialStore credentials() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public AccessRightsStore accessRights() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The durable, append-only audit trail (wrap it in {@code Slf4jAuditTrail} to also log). */
    public AuditTrail auditTrail() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }
}
