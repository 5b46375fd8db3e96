package io.camelksm.connector.customauth;

/** The credential values a custom-authentication template may name, as {@code [Credential.<tokenName>]}. */
public enum TemplateField {

    USERNAME("Username"),
    PASSWORD("Password"),
    /** {@code [Credential.Property.<name>]}: one additional property of the credential. */
    PROPERTY("Property"),
    /** The token of a BEARER credential, or the OAuth 2.0 access token of an OAUTH2_* credential. */
    TOKEN("Token");

    private final String tokenName;

    TemplateField(String tokenName) {
        this.tokenName = tokenName;
    }

    /**
     * The field a {@link io.camelksm.connector.definition.CredentialTokens.Token}'s kind names.
     *
     * @throws IllegalArgumentException for a kind that is none of the four
     */
    public static TemplateField of(String kind) {
        for (TemplateField field : values()) {
            if (field.tokenName.equals(kind)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown credential token kind '" + kind + "'");
    }

    public String tokenName() {
        return tokenName;
    }

    /** How the token is written in a template (properties with their name). */
    public String written(String property) {
        return "[Credential." + tokenName + (this == PROPERTY ? "." + property : "") + "]";
    }
}
