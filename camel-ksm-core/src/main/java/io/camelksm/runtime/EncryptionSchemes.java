package io.camelksm.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.camelksm.access.Caller;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.audit.AuditTrail;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.crypto.SchemeKeys;
import io.camelksm.store.jdbc.DatabaseSchemes;
import io.camelksm.store.jdbc.EncryptionSchemeInfo;

/**
 * Administration of the database's encryption schemes ({@link KsmRuntime#schemes()}): create or import a scheme, list
 * them with their value counts, choose the default, retire and delete. Every change is audited as credential
 * {@code scheme:<name>}, operation {@code scheme-create}, {@code scheme-import}, {@code scheme-set-default},
 * {@code scheme-retire} or {@code scheme-delete}, granted or failed (with the reason). Nodes sharing the database
 * write with a new default within {@link DatabaseSchemes#REFRESH}, or at their next start.
 */
public final class EncryptionSchemes {

    private final DatabaseSchemes schemes;
    private final AuditTrail audit;
    private final Clock clock;

    EncryptionSchemes(DatabaseSchemes schemes, AuditTrail audit, Clock clock) {
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new scheme with a random key; it encrypts nothing until it is made the default. */
    public void create(String name, SchemeAlgorithm algorithm, KeyLocation keyLocation, Caller caller) {
        run(name, "scheme-create", caller, () -> {
            schemes.create(name, algorithm, keyLocation);
            return "created " + algorithm.displayName() + " scheme, key location " + keyLocation;
        });
    }

    /** A new scheme with the key in {@code keyFile} (refused if others can read it; never printed). */
    public void importKey(String name, SchemeAlgorithm algorithm, KeyLocation keyLocation, Path keyFile,
                          Caller caller) {
        run(name, "scheme-import", caller, () -> {
            byte[] key = SchemeKeys.read(keyFile, algorithm);
            try {
                schemes.add(name, algorithm, keyLocation, key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            return "imported " + algorithm.displayName() + " scheme from " + keyFile + ", key location "
                   + keyLocation;
        });
    }

    /** Every scheme: algorithm, key location, whether this node has its key, default, retired, value count. */
    public List<EncryptionSchemeInfo> list() {
        return schemes.list();
    }

    public void setDefault(String name, Caller caller) {
        run(name, "scheme-set-default", caller, () -> {
            schemes.setDefault(name);
            return "made the default scheme: new values are encrypted with it";
        });
    }

    public void retire(String name, Caller caller) {
        run(name, "scheme-retire", caller, () -> {
            schemes.retire(name);
            return "retired: no longer written, its values stay readable until re-encrypted";
        });
    }

    public void delete(String name, Caller caller) {
        run(name, "scheme-delete", caller, () -> {
            schemes.delete(name);
            return "deleted";
        });
    }

    private void run(String name, String operation, Caller caller, Supplier<String> change) {
        Objects.requireNonNull(caller, "caller");
        String credential = "scheme:" + name;
        String reason;
        try {
            reason = change.get();
        } catch (RuntimeException e) {
            audit.record(AuditEvent.of(clock.instant(), credential, operation, null, caller, AuditOutcome.FAILED,
                    String.valueOf(e.getMessage())));
            throw e;
        }
        audit.record(AuditEvent.of(clock.instant(), credential, operation, null, caller, AuditOutcome.GRANTED,
                reason));
    }
}
