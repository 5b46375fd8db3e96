package io.camelksm.connector.customauth;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import javax.security.auth.Destroyable;

import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

/**
 * The values one call's templates expand from: the credential's user name, password and additional properties (from
 * {@code ksm:} operation=get) and its token (from {@code ksm:} operation=authorize). Owns copies of the secrets and
 * wipes them in {@link #destroy()}.
 */
public final class TemplateValues implements Destroyable {

    private final String credentialName;
    private final char[] username;
    private final Secret password;
    private final Map<String, CredentialProperty> properties;
    private final Secret token;
    private volatile boolean destroyed;

    /**
     * @param properties the credential's additional properties; their secrets are owned by the caller's holder
     *                   ({@code KsmCredentialFields}), which destroys them
     */
    public TemplateValues(String credentialName, String username, Secret password,
                          Map<String, CredentialProperty> properties, Secret token) {
        this.credentialName = Objects.requireNonNull(credentialName, "credentialName");
        this.username = username == null ? null : username.toCharArray();
        this.password = password == null ? null : password.copy();
        this.properties = properties == null ? Map.of() : properties;
        this.token = token == null ? null : token.copy();
    }

    /**
     * A copy of the value of a field: wipe it when done.
     *
     * @throws IllegalArgumentException naming the credential and the field it lacks
     */
    char[] chars(TemplateField field, String property) {
        if (destroyed) {
            throw new IllegalStateException("the values of credential '" + credentialName + "' have been destroyed");
        }
        char[] value = switch (field) {
            case USERNAME -> username == null ? null : username.clone();
            case PASSWORD -> password == null ? null : password.chars();
            case PROPERTY -> property(property);
            case TOKEN -> token == null ? null : token.chars();
        };
        if (value == null) {
            throw new IllegalArgumentException("Credential '" + credentialName + "' has no value for "
                                               + field.written(property));
        }
        return value;
    }

    private char[] property(String name) {
        CredentialProperty found = properties.get(name);
        if (found == null) {
            found = properties.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
        return found == null ? null : found.value().chars();
    }

    @Override
    public void destroy() {
        destroyed = true;
        if (username != null) {
            Arrays.fill(username, '\0');
        }
        if (password != null) {
            password.destroy();
        }
        if (token != null) {
            token.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "TemplateValues[credential=" + credentialName + "]";
    }
}
