package io.camelksm.connector.route;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelksm.connector.definition.Action;

/** Puts the built {@link ApiRequest} on the message for camel-http: method, URI, encoded query, headers and body. */
final class RequestWriter implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String what;

    RequestWriter(String what) {
        this.what = what;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // the request stays on the exchange until the route ends: a Basic challenge sends it once more
        ApiRequest request = exchange.getProperty(ApiRequest.PROPERTY, ApiRequest.class);
        Message message = exchange.getMessage();
        request.headers().forEach(message::setHeader);
        message.setHeader(Exchange.HTTP_METHOD, request.method());
        message.setHeader(Exchange.HTTP_URI, request.url());
        if (!request.query().isEmpty()) {
            message.setHeader(Exchange.HTTP_RAW_QUERY, Encoding.formBody(request.query()));
        }
        String body = body(request);
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, request.contentType() != null ? request.contentType()
                    : Action.JSON);
        } else {
            message.removeHeader(Exchange.CONTENT_TYPE);
        }
        message.setBody(body);
    }

    /** GET and DELETE without a body template get no body from custom authentication's body fields. */
    private static boolean carriesBody(ApiRequest request) {
        return request.body() != null || !(request.method().equals("GET") || request.method().equals("DELETE"));
    }

    private String body(ApiRequest request) throws JsonProcessingException {
        Map<String, String> fields = request.bodyFields();
        if (fields.isEmpty() || !carriesBody(request)) {
            return request.body();
        }
        if (Action.FORM.equals(request.contentType())) {
            String extra = Encoding.formBody(fields);
            return request.body() == null || request.body().isBlank() ? extra : request.body() + "&" + extra;
        }
        ObjectNode object;
        if (request.body() == null || request.body().isBlank()) {
            object = JSON.createObjectNode();
        } else {
            JsonNode parsed = JSON.readTree(request.body());
            if (!(parsed instanceof ObjectNode node)) {
                throw new IllegalStateException(what + ": custom authentication body fields need a JSON object body");
            }
            object = node;
        }
        new LinkedHashMap<>(fields).forEach(object::put);
        return JSON.writeValueAsString(object);
    }
}
