package io.camelksm.auth.oauth2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

/**
 * A fingerprint of everything in a credential that shapes its token requests (fields, secrets, {@code form.*}
 * properties): HMAC-SHA256 under a random key that lives only in this process, so a rotated secret gets new tokens,
 * while the fingerprint itself reveals nothing about the secret, not even whether two processes hold the same one.
 */
final class SecretFingerprinter implements Destroyable {

    private static final String HMAC = "HmacSHA256";

    private final byte[] key = new byte[32];
    private final ThreadLocal<Mac> macs;
    private volatile boolean destroyed;

    SecretFingerprinter() {
        new SecureRandom().nextBytes(key);
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

    String fingerprint(Credential credential) {
        if (destroyed) {
            throw new IllegalStateException("the token provider is closed");
        }
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
        for (CredentialProperty property : credential.properties().values()) {
            if (property.name().regionMatches(true, 0, OAuth2TokenProvider.FORM_PROPERTY_PREFIX, 0,
                    OAuth2TokenProvider.FORM_PROPERTY_PREFIX.length())) {
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

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
