package io.camelksm.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Set;

import io.camelksm.access.Caller;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.audit.Slf4jAuditTrail;
import io.camelksm.auth.oauth2.OAuth2CredentialValidator;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.store.jdbc.AuditVerification;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * One {@code ksm-admin} run against camel-ksm's database: the governed service every command goes through (so each
 * change is audited) and the administrator on whose behalf it acts.
 */
final class AdminSession implements AutoCloseable {

    /** The process name the audit trail records for everything done with {@code ksm-admin}. */
    static final String PROCESS = "ksm-admin";

    private final KsmDatabase database;
    private final GovernedCredentials credentials;
    private final Caller admin;

    private AdminSession(KsmDatabase database, Caller admin) {
        this.database = database;
        this.credentials = new GovernedCredentials(database.credentials(), database.accessRights(),
                new Slf4jAuditTrail(database.auditTrail()), Clock.systemUTC());
        // a credential that would fail at its first exchange is refused when it is written
        this.credentials.setWriteValidator(OAuth2CredentialValidator.INSTANCE);
        this.admin = admin;
    }

    static AdminSession open(DatabaseSettings settings) {
        KsmDatabase database = KsmDatabase.open(settings);
        try {
            return new AdminSession(database, adminCaller());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    GovernedCredentials credentials() {
        return credentials;
    }

    /** Checks the audit trail's MAC chain (a read; nothing is audited for it). */
    AuditVerification verifyAuditTrail() {
        return database.verifyAuditTrail();
    }

    Caller admin() {
        return admin;
    }

    /**
     * The name a credential is stored under (its own spelling), for the commands that change its rights; what the
     * look-up brought of its secrets is destroyed at once.
     *
     * @throws CredentialNotFoundException when there is no such credential
     */
    CredentialName storedName(CredentialName name) {
        return credentials.inspect(name).map(c -> {
            c.destroySecrets();
            return c.name();
        }).orElseThrow(() -> new CredentialNotFoundException(name));
    }

    /** The operating-system user on this host, running {@code ksm-admin}; the session is this process. */
    static Caller adminCaller() {
        return new Caller(System.getProperty("user.name"), Set.of(), PROCESS, hostName(),
                "pid-" + ProcessHandle.current().pid());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv == null || fromEnv.isBlank() ? "localhost" : fromEnv;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
