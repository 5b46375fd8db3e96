package io.camelksm.connector.route;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TryDefinition;

import io.camelksm.component.KsmRouteProperties;
import io.camelksm.component.KsmSendBindings;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.Action;
import io.camelksm.connector.definition.AuthenticationType;
import io.camelksm.connector.definition.BaseUrls;
import io.camelksm.connector.definition.ConnectorDefinition;
import io.camelksm.connector.definition.ConnectorDefinitionException;
import io.camelksm.connector.customauth.CallSecrets;
import io.camelksm.connector.customauth.CustomAuthenticator;
import io.camelksm.connector.customauth.KsmCustomAuthenticator;
import io.camelksm.connector.customauth.SecretMaskingExchangeFormatter;
import io.camelksm.credential.CredentialReference;

/**
 * One route per action of every definition: {@code direct:<connector>.<action>}, id
 * {@code ksm-connector.<connector>.<action>}. The route checks the picked credential, reads the parameters from the
 * message headers, authorizes through {@code ksm:} ({@link AuthenticationStep}), calls the API with camel-http and
 * replies with the outputs. {@code Authorization} (and custom authentication's headers) never leave the route, also
 * not on failure.
 */
public class ConnectorRoutes extends RouteBuilder {

    /** The prefix of the route ids. */
    public static final String ROUTE_ID_PREFIX = "ksm-connector.";

    private final ConnectorDefinitions definitions;
    private final CustomAuthenticator customAuthenticator;

    public ConnectorRoutes(ConnectorDefinitions definitions) {
        this(definitions, new KsmCustomAuthenticator());
    }

    public ConnectorRoutes(ConnectorDefinitions definitions, CustomAuthenticator customAuthenticator) {
        this.definitions = definitions;
        this.customAuthenticator = customAuthenticator;
    }

    /** The route id of an action: {@code ksm-connector.<connector>.<action>}. */
    public static String routeId(String connector, String action) {
        return ROUTE_ID_PREFIX + connector + "." + action;
    }

    /** The endpoint a caller sends to: {@code direct:<connector>.<action>}. */
    public static String endpointUri(String connector, String action) {
        return "direct:" + connector + "." + action;
    }

    @Override
    public void configure() throws Exception {
        getContext().addStartupListener(new UnboundCredentialWarnings(definitions));
        for (ConnectorDefinition definition : definitions.all()) {
            String baseUrl = getContext().resolvePropertyPlaceholders(definition.baseUrl());
            BaseUrls.problem(baseUrl).ifPresent(problem -> {
                throw new ConnectorDefinitionException(definition.source(), 0, "baseUrl", problem);
            });
            AuthenticationStep authentication = new AuthenticationStep(definition, customAuthenticator);
            if (definition.authentication().type() == AuthenticationType.CUSTOM) {
                // custom values may sit under any header name: the tracer masks them by value
                SecretMaskingExchangeFormatter.maskTracer(getContext());
            }
            for (Action action : definition.actions()) {
                action(definition, action, baseUrl, authentication);
            }
        }
    }

    private void action(ConnectorDefinition definition, Action action, String baseUrl,
            AuthenticationStep authentication) {
        String what = "connector '" + definition.name() + "' action '" + action.name() + "'";
        Set<String> secretHeaders = authentication.headerNames();
        TryDefinition route = declareCredentials(from(endpointUri(definition.name(), action.name()))
                .routeId(routeId(definition.name(), action.name())), definition, action)
                .doTry()
                .process(new RequestPreparation(definition, action, baseUrl, what));
        authentication.addTo(route);
        RequestWriter writer = new RequestWriter(what);
        String api = httpEndpoint(definition, action, baseUrl, secretHeaders);
        route.process(writer).to(api);
        authentication.addAfterCall(route, writer, api);
        route.process(new ResponseMapper(action, what))
                .doFinally()
                .process(exchange -> removeSecrets(exchange, secretHeaders))
                .end();
    }

    /**
     * The credentials the route may use (the default and those a caller may pick), so that while it runs
     * {@code ksm-admin credential refs} lists it as a CONNECTOR use, with the definition's source and the action.
     */
    private static RouteDefinition declareCredentials(RouteDefinition route, ConnectorDefinition definition,
            Action action) {
        Set<String> credentials = definition.authentication().credentials();
        if (credentials.isEmpty()) {
            return route;
        }
        return route.routeProperty(KsmRouteProperties.CREDENTIALS, String.join(",", credentials))
                .routeProperty(KsmRouteProperties.REFERENCE_KIND, CredentialReference.Kind.CONNECTOR.name())
                .routeProperty(KsmRouteProperties.REFERENCE_LOCATION, definition.source() + " (connector "
                        + definition.name() + ", action " + action.name() + ")");
    }

    private String httpEndpoint(ConnectorDefinition definition, Action action, String baseUrl,
            Set<String> secretHeaders) {
        Duration timeout = action.timeout() != null ? action.timeout() : definition.timeouts().http();
        Set<String> allowed = new LinkedHashSet<>(definition.headers().keySet());
        allowed.addAll(action.headers().keySet());
        allowed.addAll(secretHeaders);
        allowed.add(Exchange.CONTENT_TYPE);
        // one filter (and so one endpoint) per action: actions send different headers
        String filter = "ksmConnectorHeaders." + routeId(definition.name(), action.name());
        getContext().getRegistry().bind(filter, new AllowedHeadersFilter(allowed));
        // the status is checked by ResponseMapper: the exception camel-http would throw carries the request URI
        // never follow a redirect: it could carry the credential to another host (whatever the http component says)
        return baseUrl + "?throwExceptionOnFailure=false&followRedirects=false&headerFilterStrategy=#" + filter
                + "&connectTimeout=" + timeout.toMillis() + "&responseTimeout=" + timeout.toMillis();
    }

    private static void removeSecrets(Exchange exchange, Set<String> secretHeaders) {
        secretHeaders.forEach(exchange.getMessage()::removeHeader);
        exchange.getMessage().removeHeader(Exchange.HTTP_RAW_QUERY);
        exchange.getMessage().removeHeader(Exchange.HTTP_URI);
        exchange.removeProperty(ApiRequest.PROPERTY);
        CallSecrets.release(exchange);
        KsmSendBindings.release(exchange); // every value of the credential is off the message now
    }
}
