package io.camelksm.component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import javax.security.auth.Destroyable;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * The fields of a GENERAL or DATA_GATEWAY credential, as operation=get hands them to the route in an exchange
 * property. The password stays a {@link Secret}: the route reveals it only where it is used, for example
 * {@code ${exchangeProperty.KsmCredential.password.reveal()}}. {@link #toString()} masks every secret, so the object
 * is safe in logs, message history and tracing. It holds its own copies of the secrets: {@link #destroy()} wipes them.
 */
public final class KsmCredentialFields implements Destroyable {

    private final String credentialName;
    private final CredentialType type;
    private final String username;
    private final Secret password;
    private final String target;
    private final Map<String, CredentialProperty> properties;
    private final Instant expiresAt;

    private KsmCredentialFields(Credential credential) {
        this.credentialName = credential.name().value();
        this.type = credential.type();
        this.username = credential.field(CredentialField.USERNAME).orElse(null);
        this.password = credential.secret(CredentialField.PASSWORD).map(KsmCredentialFields::copy).orElse(null);
        this.target = credential.field(CredentialField.TARGET).orElse(null);
        Map<String, CredentialProperty> props = new LinkedHashMap<>();
        credential.properties().values().forEach(
                p -> props.put(p.name(), new CredentialProperty(p.name(), copy(p.value()), p.secret())));
        this.properties = Collections.unmodifiableMap(props);
        this.expiresAt = credential.expiresAt().orElse(null);
    }

    /** Copies the fields of the credential; the credential itself may be destroyed afterwards. */
    public static KsmCredentialFields of(Credential credential) {
        return new KsmCredentialFields(credential);
    }

    private static Secret copy(Secret secret) {
        char[] chars = secret.chars();
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    public String getCredentialName() {
        return credentialName;
    }

    public CredentialType getType() {
        return type;
    }

    public String getUsername() {
        return username;
    }

    public Secret getPassword() {
        return password;
    }

    /** The target of a DATA_GATEWAY credential; null if it has none. */
    public String getTarget() {
        return target;
    }

    /** Additional properties by name; secret ones keep their value as a {@link Secret}. */
    public Map<String, CredentialProperty> getProperties() {
        return properties;
    }

    /** The value of an additional property (revealed, even if secret), or null if there is none of that name. */
    public String getProperty(String name) {
        CredentialProperty p = properties.get(name);
        return p == null ? null : p.value().reveal();
    }

    /** When the credential expires; null if it does not. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public void destroy() {
        if (password != null) {
            password.destroy();
        }
        properties.values().forEach(p -> p.value().destroy());
    }

    @Override
    public boolean isDestroyed() {
        return password != null && password.isDestroyed();
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "KsmCredentialFields[", "]");
        out.add("credential=" + credentialName).add("type=" + type).add("username=" + username);
        if (password != null) {
            out.add("password=" + password);
        }
        if (target != null) {
            out.add("target=" + target);
        }
        if (!properties.isEmpty()) {
            out.add("properties=" + properties.values());
        }
        if (expiresAt != null) {
            out.add("expiresAt=" + expiresAt);
        }
        return out.toString();
    }
}
