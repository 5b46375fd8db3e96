package io.camelksm.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.CredentialName;

/**
 * Options of a {@code ksm:} endpoint. The component holds one instance with the defaults; each endpoint gets its own
 * copy.
 */
@UriParams
public class KsmConfiguration implements Cloneable {

    /** The default name of the exchange property that operation=get fills. */
    public static final String DEFAULT_FIELDS_PROPERTY = "KsmCredential";

    @UriPath
    @Metadata(required = true)
    private String credentialName;

    @UriParam(defaultValue = "authorize")
    private KsmOperation operation = KsmOperation.authorize;

    @UriParam(label = "producer", defaultValue = "Authorization")
    private String headerName = "Authorization";

    @UriParam(label = "producer", defaultValue = "true")
    private boolean includeScheme = true;

    @UriParam(label = "security")
    private String process;

    @UriParam(label = "producer")
    private String field;

    @UriParam(label = "producer")
    private String propertyName;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean propertySecret = true;

    @UriParam(label = "producer", defaultValue = DEFAULT_FIELDS_PROPERTY)
    private String fieldsProperty = DEFAULT_FIELDS_PROPERTY;

    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean fieldsAsHeaders;

    @UriParam(label = "oauth2")
    private String scope;

    @UriParam(label = "oauth2")
    private String audience;

    @UriParam(label = "oauth2")
    private String resource;

    @UriParam(label = "oauth2")
    private String subject;

    @UriParam(label = "oauth2")
    private String tokenUrl;

    @UriParam(label = "oauth2", defaultValue = "true", displayName = "Evict Token On 401")
    private boolean evictTokenOn401 = true;
    /** Whether evictTokenOn401 was set rather than defaulted: only an explicit setting is refused elsewhere. */
    private boolean evictTokenOn401Given;

    public String getCredentialName() {
        return credentialName;
    }

    /**
     * The name of the credential, compared case-insensitively: letters, digits, spaces, dots, underscores, hyphens,
     * at signs and slashes, starting with a letter or digit.
     */
    public void setCredentialName(String credentialName) {
        this.credentialName = credentialName;
    }

    public KsmOperation getOperation() {
        return operation;
    }

    /**
     * What to do with the credential: authorize (put the authentication header on the message), get (hand the fields
     * of a GENERAL or DATA_GATEWAY credential over in an exchange property), set (write new field values) or
     * setProperty (write one additional property). Every operation is checked against the credential's access rights
     * and audited.
     */
    public void setOperation(KsmOperation operation) {
        this.operation = operation;
    }

    public String getHeaderName() {
        return headerName;
    }

    /**
     * For operation=authorize: the message header that receives the authentication value. Change it for API-key style
     * headers such as X-API-Key.
     */
    public void setHeaderName(String headerName) {
        this.headerName = headerName;
    }

    public boolean isIncludeScheme() {
        return includeScheme;
    }

    /**
     * For operation=authorize: whether the header value starts with the authentication scheme (Basic or Bearer). Turn
     * it off for API-key style headers that carry the bare token.
     */
    public void setIncludeScheme(boolean includeScheme) {
        this.includeScheme = includeScheme;
    }

    public String getProcess() {
        return process;
    }

    /**
     * The process this endpoint acts as when access rights are checked. By default the id of the route that calls the
     * endpoint. It is part of the route's code, never taken from the message.
     */
    public void setProcess(String process) {
        this.process = process;
    }

    public String getField() {
        return field;
    }

    /**
     * For operation=set: write only this field (for example password), taking its new value from the CamelKsmValue
     * header or the message body. Without it, operation=set takes a map of field values from the CamelKsmFields header
     * or the body.
     */
    public void setField(String field) {
        this.field = field;
    }

    public String getPropertyName() {
        return propertyName;
    }

    /**
     * For operation=setProperty (required there): the name of the additional property to write; its new value comes
     * from the CamelKsmValue header or the message body.
     */
    public void setPropertyName(String propertyName) {
        this.propertyName = propertyName;
    }

    public boolean isPropertySecret() {
        return propertySecret;
    }

    /**
     * For operation=setProperty: whether the property written is secret (encrypted at rest and masked in every display).
     */
    public void setPropertySecret(boolean propertySecret) {
        this.propertySecret = propertySecret;
    }

    public String getFieldsProperty() {
        return fieldsProperty;
    }

    /**
     * For operation=get: the exchange property that receives the credential's fields, as a KsmCredentialFields object
     * (the password stays a Secret: call reveal() where it is needed).
     */
    public void setFieldsProperty(String fieldsProperty) {
        this.fieldsProperty = fieldsProperty;
    }

    public boolean isFieldsAsHeaders() {
        return fieldsAsHeaders;
    }

    /**
     * For operation=get: also put the fields in clear text into the CamelKsmUsername, CamelKsmPassword, CamelKsmTarget
     * and CamelKsmProperties headers. Off by default: headers are easily logged or sent on.
     */
    public void setFieldsAsHeaders(boolean fieldsAsHeaders) {
        this.fieldsAsHeaders = fieldsAsHeaders;
    }

    public String getScope() {
        return scope;
    }

    /**
     * For operation=authorize on an OAuth 2.0 credential: the space-separated scopes to request instead of the
     * credential's own scope. Tokens are cached per scope, so a route asking for a narrow scope never gets another
     * route's broader token.
     */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getAudience() {
        return audience;
    }

    /**
     * For operation=authorize on an OAuth 2.0 credential: the audience to request instead of the credential's own (the
     * audience form parameter of the client credentials grant, the aud claim of a JWT bearer assertion).
     */
    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getResource() {
        return resource;
    }

    /**
     * For operation=authorize on an OAuth 2.0 credential: the RFC 8707 resource indicator to request instead of the
     * credential's form.resource property.
     */
    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getSubject() {
        return subject;
    }

    /**
     * For operation=authorize on an OAUTH2_JWT_BEARER credential: the subject (sub claim, the user acted for) instead
     * of the credential's own subject.
     */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /**
     * For operation=authorize on an OAuth 2.0 credential: the token endpoint to ask instead of the credential's own
     * tokenUrl (for instance a tenant's endpoint). Accepted only on a host the credential's allowedHosts property
     * names, or, for a credential without allowedHosts, on the scheme, host and port of its own token URL: the client's
     * secret goes with the request, so a route cannot send it anywhere else.
     */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public boolean isEvictTokenOn401() {
        return evictTokenOn401;
    }

    /**
     * For operation=authorize on an OAuth 2.0 credential: when the exchange ends with an HTTP 401 (an
     * HttpOperationFailedException with status 401, or the CamelHttpResponseCode header 401), drop the access token
     * it carried, so that the next exchange gets a fresh one (on by default: a token the API rejects, revoked for
     * instance, is not handed out again until it expires; many exchanges rejected with the same token cause one new
     * token request). To retry the same exchange with a fresh token, use KsmOAuth2.evictToken() in onRedelivery (see
     * the documentation).
     */
    public void setEvictTokenOn401(boolean evictTokenOn401) {
        this.evictTokenOn401 = evictTokenOn401;
        this.evictTokenOn401Given = true;
    }

    /** The endpoint's overrides for token requests; none when no OAuth 2.0 option is set. */
    public TokenRequestOptions tokenRequestOptions() {
        return new TokenRequestOptions(scope, audience, resource, subject, tokenUrl);
    }

    /**
     * Checks the options together, so a wrong endpoint fails when the route starts rather than on the first exchange.
     *
     * @return the parsed credential name
     * @throws IllegalArgumentException naming the option at fault
     */
    public CredentialName validate() {
        return new KsmEndpointOptionsCheck(this).validate();
    }

    /** Whether evictTokenOn401 was set rather than defaulted. */
    boolean isEvictTokenOn401Given() {
        return evictTokenOn401Given;
    }

    public KsmConfiguration copy() {
        try {
            return (KsmConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
