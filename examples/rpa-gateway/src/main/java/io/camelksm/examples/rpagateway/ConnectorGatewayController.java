package io.camelksm.examples.rpagateway;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.ConnectorHeaders;
import io.camelksm.connector.definition.Action;
import io.camelksm.connector.definition.ActionParameter;
import io.camelksm.connector.definition.ConnectorDefinition;

/**
 * {@code POST /connectors/{connector}/{action}[?credential=Name]} with a JSON object of the action's parameters: runs
 * the route {@code direct:<connector>.<action>} and answers {@code {"outputs": {...}}}, or {@code {"error": ...}}
 * with 400 (bad input), 403 (denied, or a credential the connector does not offer), 404 (no such action), 502 (the
 * API or its token endpoint failed).
 * <p>
 * Only the parameters the action declares reach the route, as headers of the same names: nothing else a bot sends
 * (its own headers, a Camel header name in the JSON) can steer the call. The route runs on this request's thread, where
 * Spring Security holds the bot's login: that is the caller {@code ksm:} checks.
 */
@RestController
public class ConnectorGatewayController {

    private final ConnectorDefinitions definitions;
    private final ProducerTemplate producer;

    public ConnectorGatewayController(ConnectorDefinitions definitions, ProducerTemplate producer) {
        this.definitions = definitions;
        this.producer = producer;
    }

    @PostMapping(path = "/connectors/{connector}/{action}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> run(@PathVariable String connector, @PathVariable String action,
            @RequestParam(name = "credential", required = false) String credential,
            @RequestBody(required = false) Map<String, Object> parameters) {
        ConnectorDefinition definition = definitions.find(connector).orElse(null);
        Action known = definition == null ? null : definition.action(action).orElse(null);
        if (known == null) {
            return GatewayReplies.error(404, "No action '" + action + "' in connector '" + connector + "'; the actions: "
                    + actions());
        }
        Map<String, Object> given = parameters == null ? Map.of() : parameters;
        String badInput = badInput(known, given);
        if (badInput != null) {
            return GatewayReplies.error(400, badInput);
        }
        if (credential != null && !definition.authentication().offers(credential.strip())) {
            return GatewayReplies.error(403, "Connector '" + connector + "' does not offer credential '"
                    + credential.strip() + "' to its callers");
        }
        Exchange done = producer.send("direct:" + connector + "." + action, exchange -> {
            given.forEach((name, value) -> exchange.getMessage().setHeader(name, String.valueOf(value)));
            if (credential != null) {
                exchange.getMessage().setHeader(ConnectorHeaders.CREDENTIAL, credential.strip());
            }
        });
        if (done.getException() != null) {
            return GatewayReplies.failure(done.getException(), connector + "." + action);
        }
        return GatewayReplies.outputs(done.getMessage().getBody());
    }

    /** "github.getRepository, servicenow.createIncident, ..." for a bot that asked for something else. */
    private String actions() {
        return definitions.all().stream().flatMap(d -> d.actions().stream().map(a -> d.name() + "." + a.name()))
                .sorted().collect(Collectors.joining(", "));
    }

    /** What is wrong with the bot's parameters, or null: unknown names, values that are not text, numbers or booleans. */
    private static String badInput(Action action, Map<String, Object> given) {
        Set<String> unknown = new TreeSet<>();
        Set<String> notScalar = new TreeSet<>();
        given.forEach((name, value) -> {
            if (action.parameter(name).isEmpty()) {
                unknown.add(name);
            } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                notScalar.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            return "Unknown parameters " + unknown + " for " + action.name() + "; it takes "
                   + action.parameters().stream().map(ActionParameter::name).toList();
        }
        // a missing required parameter is the route's to refuse (a ConnectorCallException: 400)
        return notScalar.isEmpty() ? null : "Parameters " + notScalar + " must be text, a number or true/false";
    }
}
