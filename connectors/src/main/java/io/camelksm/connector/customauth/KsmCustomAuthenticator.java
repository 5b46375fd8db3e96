package io.camelksm.connector.customauth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import io.camelksm.component.KsmCredentialFields;
import io.camelksm.connector.definition.CustomAuthentication;
import io.camelksm.credential.Secret;

/**
 * Expands custom authentication through {@code ksm:} on the call's exchange, so that access is checked for the
 * action's route and its caller, and audited there: {@code [Credential.Username]}, {@code [Credential.Password]} and
 * {@code [Credential.Property.<name>]} through {@code ksm:<credential>?operation=get} (a GENERAL or DATA_GATEWAY
 * credential), {@code [Credential.Token]} through {@code ksm:<credential>?operation=authorize} without the scheme (the
 * token of a BEARER credential, an access token for an OAUTH2_* one). The templates are parsed once per definition;
 * the values are copied into char arrays, expanded into {@link Secret}s the caller owns, and the copies wiped.
 */
public final class KsmCustomAuthenticator implements CustomAuthenticator {

    private static final String FIELDS_PROPERTY = "CamelKsmConnectorCustomFields";
    private static final String TOKEN_HEADER = "CamelKsmConnectorCustomToken";

    private final Map<CustomAuthentication, CustomAuthTemplates> parsed = new ConcurrentHashMap<>();
    /** One template per authenticator, made on first use and stopped with the context it was made from. */
    private volatile ProducerTemplate producer;

    @Override
    public ExpandedAuthentication expand(Exchange exchange, String credential, CustomAuthentication custom)
            throws Exception {
        CustomAuthTemplates templates = parsed.computeIfAbsent(custom, CustomAuthTemplates::of);
        ProducerTemplate producer = producer(exchange.getContext());
        KsmCredentialFields fields = null;
        Secret token = null;
        TemplateValues values = null;
        try {
            if (templates.needsFields()) {
                call(producer, exchange, "ksm:" + credential + "?operation=get&fieldsProperty=" + FIELDS_PROPERTY);
                fields = exchange.getProperty(FIELDS_PROPERTY, KsmCredentialFields.class);
                exchange.removeProperty(FIELDS_PROPERTY);
            }
            if (templates.needsToken()) {
                call(producer, exchange, "ksm:" + credential + "?includeScheme=false&headerName=" + TOKEN_HEADER);
                String header = exchange.getMessage().getHeader(TOKEN_HEADER, String.class);
                exchange.getMessage().removeHeader(TOKEN_HEADER);
                token = header == null ? null : Secret.of(header);
            }
            values = fields == null ? new TemplateValues(credential, null, null, null, token)
                    : new TemplateValues(credential, fields.getUsername(), fields.getPassword(), fields.getProperties(),
                            token);
            return templates.expand(values);
        } finally {
            exchange.removeProperty(FIELDS_PROPERTY);
            exchange.getMessage().removeHeader(TOKEN_HEADER);
            if (values != null) {
                values.destroy();
            }
            if (fields != null) {
                fields.destroy();
            }
            if (token != null) {
                token.destroy();
            }
        }
    }

    private ProducerTemplate producer(CamelContext context) throws Exception {
        ProducerTemplate made = producer;
        if (made == null) {
            synchronized (this) {
                made = producer;
                if (made == null) {
                    made = context.createProducerTemplate();
                    context.addService(made, true, true);
                    producer = made;
                }
            }
        }
        return made;
    }

    private static void call(ProducerTemplate producer, Exchange exchange, String uri) throws Exception {
        producer.send(uri, exchange);
        Exception failure = exchange.getException();
        if (failure != null) {
            exchange.setException(null);
            throw failure;
        }
    }
}
