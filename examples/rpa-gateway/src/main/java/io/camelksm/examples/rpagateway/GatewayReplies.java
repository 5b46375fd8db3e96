package io.camelksm.examples.rpagateway;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;

import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.connector.ConnectorCallException;
import io.camelksm.credential.CredentialNotFoundException;

/**
 * The gateway's JSON answers. A failure becomes a status a bot can act on and a message that names what went wrong,
 * never a secret and never the API's own response body (which may echo what was sent): 403 when {@code ksm:} denied
 * the bot, 400 for input the route refused, 502 when the API, its token endpoint or the gateway's credential failed,
 * 500 otherwise.
 */
final class GatewayReplies {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayReplies.class);

    private GatewayReplies() {
    }

    static ResponseEntity<Map<String, Object>> outputs(Object body) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("outputs", body instanceof Map<?, ?> outputs ? outputs : Map.of());
        return ResponseEntity.ok(reply);
    }

    static ResponseEntity<Map<String, Object>> error(int status, String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", status);
        reply.put("error", message);
        return ResponseEntity.status(status).body(reply);
    }

    static ResponseEntity<Map<String, Object>> failure(Exception failure, String route) {
        KsmAccessDeniedException denied = find(failure, KsmAccessDeniedException.class);
        if (denied != null) {
            return error(403, "Denied: " + denied.getCaller().principal() + " may not use credential '"
                    + denied.getCredentialName() + "' (restrictions not met: " + denied.getFailedRestrictions() + ")");
        }
        KsmTokenException token = find(failure, KsmTokenException.class);
        if (token != null) {
            return error(502, "The authorization server gave no token for " + route + " (" + token.getMessage() + ")");
        }
        CredentialNotFoundException missing = find(failure, CredentialNotFoundException.class);
        if (missing != null) {
            return error(502, "The gateway has no credential for " + route + ": " + missing.getMessage());
        }
        ConnectorCallException call = find(failure, ConnectorCallException.class);
        if (call != null) {
            // the API's status (its body is never passed on), or input the route refused before calling it
            return error(call.statusCode() > 0 ? 502 : 400, call.getMessage());
        }
        HttpOperationFailedException api = find(failure, HttpOperationFailedException.class);
        if (api != null) {
            return error(502, "The API answered " + api.getStatusCode() + " to " + route);
        }
        IOException unreachable = find(failure, IOException.class);
        if (unreachable != null) {
            return error(502, "The API could not be reached from " + route + " ("
                    + unreachable.getClass().getSimpleName() + ")");
        }
        // the types only: a message may carry a value the route handled (a conversion error quotes it)
        LOG.warn("{} failed: {}", route, types(failure));
        return error(500, route + " failed: " + failure.getClass().getSimpleName());
    }

    /** "CamelExecutionException <- TypeConversionException": the failure and its causes, by type. */
    private static String types(Throwable failure) {
        StringBuilder types = new StringBuilder(failure.getClass().getName());
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            types.append(" <- ").append(t.getClass().getName());
        }
        return types.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
