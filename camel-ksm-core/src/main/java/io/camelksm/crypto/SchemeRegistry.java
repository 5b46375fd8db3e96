package io.camelksm.crypto;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The encryption schemes this process can use: one current scheme that encrypts every new value, and any number of
 * others (older keys, legacy algorithms) kept to decrypt values they wrote until those are re-encrypted.
 */
public final class SchemeRegistry implements AutoCloseable {

    private final EncryptionScheme current;
    private final Map<String, EncryptionScheme> byId = new LinkedHashMap<>();

    public SchemeRegistry(EncryptionScheme current) {
        this(current, Collections.emptyList());
    }

    /**
     * @param current  encrypts new values; must be able to encrypt
     * @param readOnly further schemes, used only to decrypt the values they wrote
     */
    public SchemeRegistry(EncryptionScheme current, Collection<? extends EncryptionScheme> readOnly) {
        this.current = Objects.requireNonNull(current, "current scheme");
        if (!current.canEncrypt()) {
            throw new KsmCryptoException("Encryption scheme '" + current.id()
                                         + "' is read-only (legacy) and cannot be the current scheme");
        }
        byId.put(current.id(), current);
        for (EncryptionScheme scheme : readOnly) {
            if (byId.putIfAbsent(scheme.id(), scheme) != null) {
                throw new KsmCryptoException("Encryption scheme '" + scheme.id() + "' is registered twice");
            }
        }
    }

    /** The scheme that encrypts new values. */
    public EncryptionScheme current() {
        return current;
    }

    public Optional<EncryptionScheme> find(String schemeId) {
        return Optional.ofNullable(byId.get(schemeId));
    }

    public Set<String> ids() {
        return Collections.unmodifiableSet(byId.keySet());
    }

    /** Wipes the keys of all schemes. */
    @Override
    public void close() {
        byId.values().forEach(EncryptionScheme::close);
    }
}
