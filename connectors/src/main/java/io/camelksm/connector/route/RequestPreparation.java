package io.camelksm.connector.route;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.camelksm.connector.ConnectorCallException;
import io.camelksm.connector.ConnectorHeaders;
import io.camelksm.connector.definition.Action;
import io.camelksm.connector.definition.ActionParameter;
import io.camelksm.connector.definition.Authentication;
import io.camelksm.connector.definition.AuthenticationType;
import io.camelksm.connector.definition.ConnectorDefinition;
import io.camelksm.connector.definition.Placeholders;

/**
 * The first step of an action's route: checks the credential the caller picked (before any {@code ksm:} call), reads
 * the action's parameters from the message headers, removes every header the API must not see and builds the
 * {@link ApiRequest}.
 */
final class RequestPreparation implements Processor {

    /** The exchange property naming the credential of this call (a name, not a secret). */
    static final String CREDENTIAL_PROPERTY = "CamelKsmConnectorCredentialName";

    private final ConnectorDefinition definition;
    private final Action action;
    private final String baseUrl;
    private final String what;

    /** {@code what} names connector and action in errors, as the route's other steps do. */
    RequestPreparation(ConnectorDefinition definition, Action action, String baseUrl, String what) {
        this.definition = definition;
        this.action = action;
        this.what = what;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String credential = credential(message);
        Map<String, String> values = parameterValues(message);
        removeHeadersNotForTheApi(message);
        message.setBody(null);
        if (credential != null) {
            exchange.setProperty(CREDENTIAL_PROPERTY, credential);
        }
        exchange.setProperty(ApiRequest.PROPERTY, request(values));
    }

    private String credential(Message message) {
        Authentication authentication = definition.authentication();
        String picked = message.getHeader(ConnectorHeaders.CREDENTIAL, String.class);
        message.removeHeader(ConnectorHeaders.CREDENTIAL);
        if (authentication.type() == AuthenticationType.NONE) {
            if (picked != null) {
                throw new ConnectorCallException(what + ": uses no credential, but the call picked '" + picked + "'");
            }
            return null;
        }
        if (picked == null) {
            return authentication.credential();
        }
        if (!authentication.offers(picked)) {
            throw new ConnectorCallException("connector '" + definition.name() + "' does not offer credential '"
                    + picked + "' (see authentication.allowedCredentials)");
        }
        return picked;
    }

    private Map<String, String> parameterValues(Message message) {
        Map<String, String> values = new HashMap<>();
        for (ActionParameter parameter : action.parameters()) {
            String value = message.getHeader(parameter.name(), String.class);
            if (value == null) {
                value = parameter.defaultValue();
            }
            if (value == null && parameter.required()) {
                throw new ConnectorCallException(what + ": the required parameter '" + parameter.name()
                        + "' is missing (set the message header '" + parameter.name() + "')");
            }
            if (value != null) {
                values.put(parameter.name(), value);
            }
        }
        return values;
    }

    /**
     * Only the definition's headers go to the API: the caller's own and Camel's HTTP control headers are dropped.
     * Camel's other headers (e.g. {@code CamelAuthentication}, the caller) stay for {@code ksm:}; the HTTP filter keeps
     * them in. {@link BasicChallenge} clears the first answer the same way.
     */
    static void removeHeadersNotForTheApi(Message message) {
        message.getHeaders().keySet().removeIf(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return !lower.startsWith("camel") || lower.startsWith("camelhttp");
        });
    }

    private ApiRequest request(Map<String, String> values) {
        String path = Placeholders.expand(action.path(), name -> {
            String value = values.get(name);
            if (value == null) {
                throw new ConnectorCallException(what + ": the path parameter '" + name + "' has no value");
            }
            return Encoding.pathSegment(value);
        });
        String body = action.body() == null ? null : Placeholders.expand(action.body(), name -> {
            String value = values.getOrDefault(name, "");
            return Action.FORM.equals(action.contentType()) ? Encoding.form(value) : Encoding.json(value);
        });
        ApiRequest request = new ApiRequest(action.method(), baseUrl + path, action.contentType(), body);
        addTemplates(definition.parameters(), values, request.query());
        addTemplates(action.query(), values, request.query());
        addTemplates(definition.headers(), values, request.headers());
        addTemplates(action.headers(), values, request.headers());
        return request;
    }

    /** A template that refers to a parameter without a value is left out. */
    private static void addTemplates(Map<String, String> templates, Map<String, String> values, Map<String, String> to) {
        templates.forEach((name, template) -> {
            if (values.keySet().containsAll(Placeholders.names(template))) {
                to.put(name, Placeholders.expand(template, values::get));
            }
        });
    }
}
