package io.camelksm.testsupport;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.camelksm.access.AuditEvent;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.GovernedCredentials;
import io.camelksm.access.Slf4jAuditTrail;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;

/**
 * The one fixture every test of this module builds its credentials, rights and audit trail with. Today it runs on the
 * test-only in-memory stores; it is the single place to switch to the real embedded database (KsmDatabase on H2 in a
 * temporary directory) without touching the tests.
 */
public final class KsmTestSupport implements AutoCloseable {

    /** The node name the tests give the component: the resource of every route caller. */
    public static final String NODE = "test-node";

    /** The operator on whose behalf the fixture creates and grants. */
    public static final Caller ADMIN = new Caller("test-admin", Set.of(), "ksm-test", NODE, null);

    private final GovernedCredentials governed;

    private KsmTestSupport(GovernedCredentials governed) {
        this.governed = governed;
    }

    public static KsmTestSupport create() {
        return new KsmTestSupport(new GovernedCredentials(new InMemoryCredentialStore(),
                new InMemoryAccessRightsStore(), new Slf4jAuditTrail(new InMemoryAuditTrail()), Clock.systemUTC()));
    }

    public GovernedCredentials governed() {
        return governed;
    }

    /** Stores a new credential. */
    public Credential add(Credential credential) {
        return governed.create(credential, ADMIN);
    }

    /** Grants values of one dimension. */
    public KsmTestSupport grant(String credential, Dimension dimension, String... values) {
        for (String value : values) {
            governed.grant(CredentialName.of(credential), dimension, value, ADMIN);
        }
        return this;
    }

    /** Grants a credential to one role, one process (route id) and one resource (node). */
    public KsmTestSupport grant(String credential, String role, String process, String resource) {
        return grant(credential, Dimension.ROLE, role).grant(credential, Dimension.PROCESS, process)
                .grant(credential, Dimension.RESOURCE, resource);
    }

    /** Grants a credential to anyone in every dimension. */
    public KsmTestSupport grantAnyone(String credential) {
        return grant(credential, "*", "*", "*");
    }

    /** The stored credential as it is now (not access-checked, not audited). */
    public Credential stored(String name) {
        return governed.inspect(CredentialName.of(name)).orElseThrow();
    }

    /** The whole audit trail, oldest first. */
    public List<AuditEvent> audit() {
        return governed.audit().tail(10_000);
    }

    public AuditEvent lastAudit() {
        List<AuditEvent> all = audit();
        return all.get(all.size() - 1);
    }

    @Override
    public void close() {
        // the in-memory stores need no closing; the database-backed fixture closes its database here
    }
}
