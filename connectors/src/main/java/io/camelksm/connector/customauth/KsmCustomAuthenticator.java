package io.camelksm.connector.customauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import io.camelksm.component.KsmCredentialFields;
import io.camelksm.connector.definition.CredentialTokens;
import io.camelksm.connector.definition.CredentialTokens.Token;
import io.camelksm.connector.definition.CustomAuthentication;

/**
 * The first custom authenticator: {@code [Credential.Username]}, {@code [Credential.Password]} and
 * {@code [Credential.Property.<name>]} through {@code ksm:<credential>?operation=get} (a GENERAL or DATA_GATEWAY
 * credential), {@code [Credential.Token]} through {@code ksm:<credential>?operation=authorize} without the scheme (a
 * BEARER or OAUTH2_* credential). Each {@code ksm:} call is audited on the action's route.
 */
public final class KsmCustomAuthenticator implements CustomAuthenticator {

    private static final String FIELDS_PROPERTY = "CamelKsmConnectorCustomFields";
    private static final String TOKEN_HEADER = "CamelKsmConnectorCustomToken";

    /** One template per authenticator, made on first use and stopped with the context it was made from. */
    private volatile ProducerTemplate producer;

    @Override
    public ExpandedAuthentication expand(Exchange exchange, String credential, CustomAuthentication templates)
            throws Exception {
        Set<String> kinds = Stream.of(templates.headers(), templates.query(), templates.body())
                .flatMap(m -> m.values().stream()).flatMap(t -> CredentialTokens.tokens(t).stream())
                .map(Token::kind).collect(Collectors.toSet());
        ProducerTemplate producer = producer(exchange.getContext());
        KsmCredentialFields fields = null;
        String token = null;
        try {
            if (kinds.contains("Username") || kinds.contains("Password") || kinds.contains("Property")) {
                call(producer, exchange, "ksm:" + credential + "?operation=get&fieldsProperty=" + FIELDS_PROPERTY);
                fields = exchange.getProperty(FIELDS_PROPERTY, KsmCredentialFields.class);
            }
            if (kinds.contains("Token")) {
                call(producer, exchange, "ksm:" + credential + "?includeScheme=false&headerName=" + TOKEN_HEADER);
                token = exchange.getMessage().getHeader(TOKEN_HEADER, String.class);
            }
            KsmCredentialFields values = fields;
            String tokenValue = token;
            return new ExpandedAuthentication(expand(templates.headers(), values, tokenValue, credential),
                    expand(templates.query(), values, tokenValue, credential),
                    expand(templates.body(), values, tokenValue, credential));
        } finally {
            exchange.removeProperty(FIELDS_PROPERTY);
            exchange.getMessage().removeHeader(TOKEN_HEADER);
            if (fields != null) {
                fields.destroy();
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

    private static Map<String, String> expand(Map<String, String> templates, KsmCredentialFields fields, String token,
            String credential) {
        Map<String, String> expanded = new LinkedHashMap<>();
        templates.forEach((name, template) -> expanded.put(name,
                CredentialTokens.expand(template, t -> value(t, fields, token, credential))));
        return expanded;
    }

    private static String value(Token token, KsmCredentialFields fields, String bearer, String credential) {
        String value = switch (token.kind()) {
            case "Username" -> fields.getUsername();
            case "Password" -> fields.getPassword() == null ? null : fields.getPassword().reveal();
            case "Property" -> fields.getProperty(token.property());
            default -> bearer;
        };
        if (value == null) {
            List<String> what = token.property() == null ? List.of(token.kind()) : List.of("Property", token.property());
            throw new IllegalStateException("credential '" + credential + "' has no value for [Credential."
                    + String.join(".", what) + "]");
        }
        return value;
    }
}
