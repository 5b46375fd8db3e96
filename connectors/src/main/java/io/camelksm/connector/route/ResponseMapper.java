package io.camelksm.connector.route;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

import io.camelksm.connector.ConnectorCallException;
import io.camelksm.connector.definition.Action;

/**
 * Turns the API's answer into the reply: a status outside 2xx is a {@link ConnectorCallException} naming connector,
 * action and status; otherwise the JSON response is parsed once and each output picked by its JSONPath (a path that
 * finds nothing gives null). Without outputs the reply is the raw body as text.
 */
final class ResponseMapper implements Processor {

    private static final Configuration JSON_PATH = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);

    private final Action action;
    private final String what;
    private final Map<String, JsonPath> outputs = new LinkedHashMap<>();

    ResponseMapper(Action action, String what) {
        this.action = action;
        this.what = what;
        action.outputs().forEach((name, path) -> outputs.put(name, JsonPath.compile(path)));
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status < 200 || status > 299) {
            // neither the request (it carries the authorization) nor the response body goes into the message
            throw new ConnectorCallException(what + ": the API answered HTTP " + status, status);
        }
        String body = message.getBody(String.class);
        if (outputs.isEmpty()) {
            message.setBody(body);
            return;
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            DocumentContext document = JsonPath.using(JSON_PATH).parse(body);
            outputs.forEach((name, path) -> reply.put(name, document.read(path)));
        } else {
            action.outputs().keySet().forEach(name -> reply.put(name, null));
        }
        message.setBody(reply);
    }
}
