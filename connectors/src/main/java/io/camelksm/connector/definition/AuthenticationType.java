package io.camelksm.connector.definition;

import java.util.Arrays;
import java.util.Optional;

/** How a connector authorizes its calls; {@link #yamlName()} is the spelling in a definition. */
public enum AuthenticationType {
    NONE("none"),
    BASIC("basic"),
    BEARER("bearer"),
    OAUTH2_CLIENT_CREDENTIALS("oauth2-client-credentials"),
    OAUTH2_JWT_BEARER("oauth2-jwt-bearer"),
    CUSTOM("custom");

    private final String yamlName;

    AuthenticationType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean isOAuth2() {
        return this == OAUTH2_CLIENT_CREDENTIALS || this == OAUTH2_JWT_BEARER;
    }

    public static Optional<AuthenticationType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}
