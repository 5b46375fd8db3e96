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

    public String tokenName() {
        return tokenName;
    }

    /** How the token is written in a template (properties with their name). */
    public String written(String property) {
        return "[Credential." + tokenName + (this == PROPERTY ? "." + property : "") + "]";
    }
}
