package io.camelksm.auth.oauth2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * A fingerprint of everything in a credential that shapes its token requests (fields, secrets, {@code form.*}
 * properties): HMAC-SHA256 under a random key that lives only in this process, so a rotated secret gets new tokens,
 * while the fingerprint itself reveals nothing about the secret, not even whether two processes hold the same one.
 */
final class SecretFingerprinter implements Destroyable {

    private static final String HMAC = "HmacSHA256";
    /** Beyond this many credentials, the memos start over (bounded memory). */
    private static final int MAX_MEMOS = 1024;

    private final byte[] key = new byte[32];
    private final ThreadLocal<Mac> macs;
    /** The last fingerprint per credential, with what it was computed from. */
    private final ConcurrentMap<CredentialName, Memo> memos = new ConcurrentHashMap<>();
    private volatile boolean destroyed;

    /** Under a random key of this process: fingerprints mean nothing elsewhere (tokenSharing=node). */
    SecretFingerprinter() {
        new SecureRandom().nextBytes(key);
        macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * Under the given key (copied; the caller wipes its own): every node holding the same key computes the same
     * fingerprint for the same credential, so they agree on token keys (tokenSharing=cluster).
     */
    SecretFingerprinter(byte[] sharedKey) {
        if (sharedKey == null || sharedKey.length < 32) {
            throw new IllegalArgumentException("a shared fingerprint key has at least 32 bytes");
        }
        System.arraycopy(sharedKey, 0, key, 0, key.length);
        macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The fingerprint, reused while the credential's content is the same as last time: comparing the values (secrets in
     * constant time) against this process's own copy costs a fraction of the HMAC, and any change, a rotated secret
     * above all, misses and gets a new fingerprint.
     */
    String fingerprint(Credential credential) {
        if (destroyed) {
            throw new IllegalStateException("the token provider is closed");
        }
        Memo memo = memos.get(credential.name());
        if (memo != null) {
            String known = memo.fingerprintIfSame(credential);
            if (known != null) {
                return known;
            }
        }
        String fingerprint = compute(credential);
        if (memos.size() >= MAX_MEMOS) {
            clearMemos();
        }
        Memo fresh = new Memo(credential, fingerprint);
        Memo previous = memos.put(credential.name(), fresh);
        if (previous != null) {
            previous.wipe();
        }
        if (destroyed && memos.remove(credential.name(), fresh)) {
            fresh.wipe();
        }
        return fingerprint;
    }

    private String compute(Credential credential) {
        Mac mac = macs.get();
        mac.reset();
        update(mac, credential.type().name());
        for (Map.Entry<CredentialField, String> field : credential.fields().entrySet()) {
            update(mac, field.getKey().name());
            update(mac, field.getValue());
        }
        for (Map.Entry<CredentialField, Secret> secret : credential.secrets().entrySet()) {
            update(mac, secret.getKey().name());
            update(mac, secret.getValue());
        }
        // by name: nodes that read the properties in another order still agree on the fingerprint
        for (CredentialProperty property : new TreeMap<>(credential.properties()).values()) {
            if (isFormProperty(property)) {
                update(mac, property.name());
                update(mac, property.value());
            }
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Length-prefixed, so that no two different sequences of values feed the same bytes. */
    private static void update(Mac mac, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private static void update(Mac mac, Secret value) {
        byte[] bytes = value.utf8();
        try {
            mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            mac.update(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void clearMemos() {
        memos.keySet().forEach(name -> {
            Memo dropped = memos.remove(name);
            if (dropped != null) {
                dropped.wipe();
            }
        });
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
        clearMemos();
    }

    private static boolean isFormProperty(CredentialProperty property) {
        return property.name().regionMatches(true, 0, OAuth2TokenProvider.FORM_PROPERTY_PREFIX, 0,
                OAuth2TokenProvider.FORM_PROPERTY_PREFIX.length());
    }

    /**
     * What the last fingerprint of a credential was computed from, with its own copies of the secrets: read under the
     * read lock, wiped under the write lock, so a comparison never sees a half-wiped value.
     */
    private static final class Memo {
        private final CredentialType type;
        private final Map<CredentialField, String> fields;
        private final Map<CredentialField, char[]> secrets = new EnumMap<>(CredentialField.class);
        private final Map<String, char[]> form = new HashMap<>();
        private final String fingerprint;
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean wiped;

        Memo(Credential credential, String fingerprint) {
            this.type = credential.type();
            this.fields = Map.copyOf(credential.fields());
            credential.secrets().forEach((field, secret) -> secrets.put(field, secret.chars()));
            for (CredentialProperty property : credential.properties().values()) {
                if (isFormProperty(property)) {
                    form.put(property.name(), property.value().chars());
                }
            }
            this.fingerprint = fingerprint;
        }

        /** The fingerprint when the credential holds exactly these values, else null. */
        String fingerprintIfSame(Credential credential) {
            lock.readLock().lock();
            try {
                if (wiped || credential.type() != type || !fields.equals(credential.fields())
                    || credential.secrets().size() != secrets.size()) {
                    return null;
                }
                boolean same = true;
                for (Map.Entry<CredentialField, Secret> secret : credential.secrets().entrySet()) {
                    same &= sameChars(secrets.get(secret.getKey()), secret.getValue());
                }
                int formCount = 0;
                for (CredentialProperty property : credential.properties().values()) {
                    if (isFormProperty(property)) {
                        formCount++;
                        same &= sameChars(form.get(property.name()), property.value());
                    }
                }
                return same && formCount == form.size() ? fingerprint : null;
            } finally {
                lock.readLock().unlock();
            }
        }

        void wipe() {
            lock.writeLock().lock();
            try {
                wiped = true;
                secrets.values().forEach(chars -> Arrays.fill(chars, '\0'));
                form.values().forEach(chars -> Arrays.fill(chars, '\0'));
            } finally {
                lock.writeLock().unlock();
            }
        }

        /** Constant time in the value's content (only the lengths decide early). */
        private static boolean sameChars(char[] known, Secret value) {
            if (known == null) {
                return false;
            }
            char[] chars = value.chars();
            try {
                if (chars.length != known.length) {
                    return false;
                }
                int difference = 0;
                for (int i = 0; i < chars.length; i++) {
                    difference |= chars[i] ^ known[i];
                }
                return difference == 0;
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
