package io.camelksm.springboot;

import io.camelksm.component.KsmConfiguration;
import io.camelksm.component.KsmOperation;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default options of every {@code ksm:} endpoint (operation, fields, the authentication header, the OAuth 2.0
 * request of the endpoint), as the component keeps them in {@link KsmConfiguration}: each endpoint gets its own
 * copy. One of the classes that bind the flat {@code camel.component.ksm} prefix, one per option group of the
 * component (see {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmEndpointProperties {

    /**
     * The default options of every endpoint; each endpoint gets its own copy. The
     * option is a io.camelksm.component.KsmConfiguration type.
     */
    private KsmConfiguration configuration;
    /**
     * For operation=set: write only this field (for example password), taking its
     * new value from the CamelKsmValue header or the message body. Without it,
     * operation=set takes a map of field values from the CamelKsmFields header or
     * the body.
     */
    private String field;
    /**
     * For operation=get: the exchange property that receives the credential's
     * fields, as a KsmCredentialFields object (the password stays a Secret: call
     * reveal() where it is needed).
     */
    private String fieldsProperty = "KsmCredential";
    /**
     * For operation=authorize: the message header that receives the authentication
     * value. Change it for API-key style headers such as X-API-Key.
     */
    private String headerName = "Authorization";
    /**
     * For operation=authorize: whether the header value starts with the
     * authentication scheme (Basic or Bearer). Turn it off for API-key style
     * headers that carry the bare token.
     */
    private Boolean includeScheme = true;
    /**
     * What to do with the credential: authorize (put the authentication header on
     * the message), get (hand the fields of a GENERAL or DATA_GATEWAY credential
     * over in an exchange property), set (write new field values) or setProperty
     * (write one additional property). Every operation is checked against the
     * credential's access rights and audited.
     */
    private KsmOperation operation = KsmOperation.authorize;
    /**
     * For operation=setProperty (required there): the name of the additional
     * property to write; its new value comes from the CamelKsmValue header or the
     * message body.
     */
    private String propertyName;
    /**
     * For operation=setProperty: whether the property written is secret (encrypted
     * at rest and masked in every display).
     */
    private Boolean propertySecret = true;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the audience to request
     * instead of the credential's own (the audience form parameter of the client
     * credentials grant, the aud claim of a JWT bearer assertion).
     */
    private String audience;
    /**
     * For operation=authorize on an OAuth 2.0 credential: when the exchange ends
     * with an HTTP 401 (an HttpOperationFailedException with status 401, or the
     * CamelHttpResponseCode header 401), drop the access token it carried, so that
     * the next exchange gets a fresh one (on by default: a token the API rejects,
     * revoked for instance, is not handed out again until it expires; many
     * exchanges rejected with the same token cause one new token request). To
     * retry the same exchange with a fresh token, use KsmOAuth2.evictToken() in
     * onRedelivery (see the documentation).
     */
    // no initializer (default true, see the additional metadata): a given value makes every endpoint with another
    // operation fail its options check, so it is only copied onto the component when set
    private Boolean evictTokenOn401;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the RFC 8707 resource
     * indicator to request instead of the credential's form.resource property.
     */
    private String resource;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the space-separated
     * scopes to request instead of the credential's own scope. Tokens are cached
     * per scope, so a route asking for a narrow scope never gets another route's
     * broader token.
     */
    private String scope;
    /**
     * For operation=authorize on an OAUTH2_JWT_BEARER credential: the subject (sub
     * claim, the user acted for) instead of the credential's own subject.
     */
    private String subject;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the token endpoint to ask
     * instead of the credential's own tokenUrl (for instance a tenant's endpoint).
     * Accepted only on a host the credential's allowedHosts property names, or, for a
     * credential without allowedHosts, on the scheme, host and port of its own token
     * URL: the client's secret goes with the request, so a route cannot send it
     * anywhere else.
     */
    private String tokenUrl;
    /**
     * For operation=get: also put the fields in clear text into the
     * CamelKsmUsername, CamelKsmPassword, CamelKsmTarget and CamelKsmProperties
     * headers. Off by default: headers are easily logged or sent on.
     */
    private Boolean fieldsAsHeaders = false;
    /**
     * The process this endpoint acts as when access rights are checked. By default
     * the id of the route that calls the endpoint. It is part of the route's code,
     * never taken from the message.
     */
    private String process;

    public KsmConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KsmConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getFieldsProperty() {
        return fieldsProperty;
    }

    public void setFieldsProperty(String fieldsProperty) {
        this.fieldsProperty = fieldsProperty;
    }

    public String getHeaderName() {
        return headerName;
    }

    public void setHeaderName(String headerName) {
        this.headerName = headerName;
    }

    public Boolean getIncludeScheme() {
        return includeScheme;
    }

    public void setIncludeScheme(Boolean includeScheme) {
        this.includeScheme = includeScheme;
    }

    public KsmOperation getOperation() {
        return operation;
    }

    public void setOperation(KsmOperation operation) {
        this.operation = operation;
    }

    public String getPropertyName() {
        return propertyName;
    }

    public void setPropertyName(String propertyName) {
        this.propertyName = propertyName;
    }

    public Boolean getPropertySecret() {
        return propertySecret;
    }

    public void setPropertySecret(Boolean propertySecret) {
        this.propertySecret = propertySecret;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Boolean getEvictTokenOn401() {
        return evictTokenOn401;
    }

    public void setEvictTokenOn401(Boolean evictTokenOn401) {
        this.evictTokenOn401 = evictTokenOn401;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public Boolean getFieldsAsHeaders() {
        return fieldsAsHeaders;
    }

    public void setFieldsAsHeaders(Boolean fieldsAsHeaders) {
        this.fieldsAsHeaders = fieldsAsHeaders;
    }

    public String getProcess() {
        return process;
    }

    public void setProcess(String process) {
        this.process = process;
    }
}
