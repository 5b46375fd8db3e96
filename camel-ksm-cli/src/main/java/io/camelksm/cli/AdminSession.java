package io.camelksm.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

import io.camelksm.access.Caller;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.CredentialReferences;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.Reencryption;
import io.camelksm.store.jdbc.AuditVerification;
import io.camelksm.runtime.EncryptionSchemes;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.SchemeSettings;

/**
 * One {@code ksm-admin} run against camel-ksm's database: the governed service every command goes through (so each
 * change is audited) and the administrator on whose behalf it acts.
 */
final class AdminSession implements AutoCloseable {

    /** The process name the audit trail records for everything done with {@code ksm-admin}. */
    static final String PROCESS = "ksm-admin";

    private final KsmRuntime runtime;
    private final Caller admin;

    private AdminSession(KsmRuntime runtime, Caller admin) {
        this.runtime = runtime;
        this.admin = admin;
    }

    /**
     * Opens the database with the runtime's defaults, except: each change is audited before the command goes on (no
     * journal, no writer thread to outlive a short run) and every read sees the database as it is (no read cache, so no
     * change notices to listen for: the nodes hear this run's changes, it need not hear theirs). A
     * credential that would fail at its first exchange is refused when it is written (the default write validator).
     * The keys of SERVER and HSM encryption schemes are where the scheme settings say.
     */
    static AdminSession open(DatabaseSettings settings, SchemeSettings schemes) {
        KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder().database(settings).auditMode(AuditMode.SYNC)
                .cacheTtl(Duration.ZERO).changeNotices(false).schemeKeyDirectory(schemes.keyDirectory()).schemeHsm(schemes.hsm()).build());
        try {
            return new AdminSession(runtime, adminCaller());
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The database's encryption schemes; every change audited on the administrator's behalf. */
    EncryptionSchemes schemes() {
        return runtime.schemes();
    }

    /** The key file a SERVER scheme of this name has on this node. */
    Path serverKeyFile(String scheme) {
        return runtime.database().schemes().serverKeyFile(scheme);
    }

    GovernedCredentials credentials() {
        return runtime.credentials();
    }

    /** Where credentials are used, as the running nodes registered it, with the last use from the audit trail. */
    CredentialReferences references() {
        return runtime.references();
    }

    /** Checks the audit trail's MAC chain (a read; nothing is audited for it). */
    AuditVerification verifyAuditTrail() {
        return runtime.database().verifyAuditTrail();
    }

    /** Re-encryption of the stored secrets to the current default scheme. */
    Reencryption reencryption() {
        return runtime.reencryption();
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
        return credentials().inspect(name).map(c -> {
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
        runtime.close();
    }
}
