package io.camelksm.hsm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConfigCipher} on an HSM that survives an interruption: when an operation fails because the HSM lost the
 * session, the login or the key handle (token removed and back, HSM or network restarted: {@code
 * CKR_OBJECT_HANDLE_INVALID}, {@code CKR_SESSION_HANDLE_INVALID}, {@code CKR_DEVICE_REMOVED}, ...), it logs in again,
 * looks the keys up again by alias and retries, at most {@value #MAX_ATTEMPTS} attempts with a short pause between
 * them. Other failures (wrong PIN, data that does not authenticate) are not retried.
 * <p>
 * A key found again must be the same key: it has to decrypt a fingerprint (a probe encrypted with the first key when
 * the cipher opened), else it is refused, so a different key under the same label never encrypts the config.
 * <p>
 * It keeps its own copy of the PIN for the new login, wiped by {@link #close()}.
 */
final class ReconnectingConfigCipher implements ConfigCipher {

    static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_PAUSE_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingConfigCipher.class);
    private static final byte[] FINGERPRINT_PLAINTEXT = "camel-ksm key fingerprint".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FINGERPRINT_AAD = "camel-ksm key fingerprint aad".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<JceConfigCipher> reopen;
    private final Runnable onClose;
    private final Sealed fingerprint;
    private final Object reopenLock = new Object();
    private volatile JceConfigCipher current;

    /**
     * @param first   the cipher as opened
     * @param reopen  logs in again and looks the keys up again; throws HsmException if that fails
     * @param onClose wipes what the reopen function keeps (the PIN copy)
     */
    ReconnectingConfigCipher(JceConfigCipher first, Supplier<JceConfigCipher> reopen, Runnable onClose) {
        this.current = Objects.requireNonNull(first, "first");
        this.reopen = Objects.requireNonNull(reopen, "reopen");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.fingerprint = first.encrypt(FINGERPRINT_PLAINTEXT, FINGERPRINT_AAD);
    }

    @Override
    public ConfigMechanism mechanism() {
        return current.mechanism();
    }

    @Override
    public String keyAlias() {
        return current.keyAlias();
    }

    @Override
    public boolean supports(ConfigMechanism mechanism) {
        return current.supports(mechanism);
    }

    @Override
    public Sealed encrypt(byte[] plaintext, byte[] aad) {
        return withRetry("encrypt", c -> c.encrypt(plaintext, aad));
    }

    @Override
    public byte[] decrypt(ConfigMechanism mechanism, byte[] iv, byte[] ciphertext, byte[] aad) {
        return withRetry("decrypt", c -> c.decrypt(mechanism, iv, ciphertext, aad));
    }

    private <T> T withRetry(String operation, Function<JceConfigCipher, T> work) {
        JceConfigCipher cipher = current;
        HsmException first = null;
        HsmException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (last != null) {
                pause(attempt);
                try {
                    cipher = reopened(cipher);
                } catch (HsmException e) {
                    if (Pkcs11Failures.wrongPin(e) || e instanceof KeyChangedException) {
                        throw e; // retrying cannot help
                    }
                    last = e;
                    continue;
                }
            }
            try {
                T result = work.apply(cipher);
                if (first != null) {
                    LOG.warn("The HSM is back: {} works again after {} attempt(s) (it had failed with: {})",
                            cipher.description(), attempt, first.getMessage());
                }
                return result;
            } catch (ConfigAuthenticationException e) {
                throw e; // the data or the key is wrong, not the session
            } catch (HsmException e) {
                if (!Pkcs11Failures.sessionLost(e)) {
                    throw e;
                }
                LOG.debug("HSM {} failed (attempt {} of {}): {}", operation, attempt, MAX_ATTEMPTS, e.getMessage());
                first = first == null ? e : first;
                last = e;
            }
        }
        throw new HsmException("the HSM is unavailable: could not " + operation + " with " + description() + " in "
                               + MAX_ATTEMPTS + " attempts, logging in and looking the key up again in between ("
                               + Pkcs11Failures.code(first) + "); last error: " + last.getMessage(), last);
    }

    /** The cipher with keys looked up again, unless another thread did that since this one failed. */
    private JceConfigCipher reopened(JceConfigCipher failed) {
        synchronized (reopenLock) {
            if (current != failed) {
                return current;
            }
            JceConfigCipher fresh = reopen.get();
            try {
                byte[] back = fresh.decrypt(fresh.mechanism(), fingerprint.iv(), fingerprint.ciphertext(),
                        FINGERPRINT_AAD);
                boolean same = Arrays.equals(back, FINGERPRINT_PLAINTEXT);
                if (!same) {
                    throw new ConfigAuthenticationException("fingerprint decrypted to other bytes");
                }
            } catch (ConfigAuthenticationException e) {
                fresh.close();
                throw new KeyChangedException("key '" + fresh.keyAlias() + "' found again in the HSM is not the key"
                                              + " this cipher opened with (another key under the same label?):"
                                              + " refusing to use it; restore the original key, or restart with"
                                              + " the new one if the change was intended");
            }
            LOG.info("Logged in to the HSM again and found key '{}' again: {}", fresh.keyAlias(),
                    fresh.description());
            current = fresh;
            failed.close();
            return fresh;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(FIRST_PAUSE_MS << (attempt - 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HsmException("interrupted while waiting for the HSM");
        }
    }

    @Override
    public String description() {
        return current.description();
    }

    @Override
    public void close() {
        try {
            current.close();
        } finally {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return "ReconnectingConfigCipher[" + description() + "]";
    }

    /** The key found again under the alias is another key. */
    static final class KeyChangedException extends HsmException {
        KeyChangedException(String message) {
            super(message);
        }
    }
}
