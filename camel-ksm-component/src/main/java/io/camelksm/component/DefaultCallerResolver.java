package io.camelksm.component;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.access.Caller;

/**
 * The caller from trusted sources only:
 * <ul>
 * <li>process: the endpoint's {@code process} option, else the id of the route that calls the endpoint;</li>
 * <li>resource: the component's node name (by default the host name);</li>
 * <li>roles: the names of the principals of the {@link Subject} in the {@link Exchange#AUTHENTICATION} header. Only a
 * real {@code Subject} object counts: it can only be put there by code in the route (or a security policy), whereas an
 * inbound HTTP request can only bring text, which is ignored.</li>
 * </ul>
 */
public class DefaultCallerResolver implements CallerResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCallerResolver.class);

    @Override
    public Caller resolve(Exchange exchange, KsmEndpoint endpoint) {
        Subject subject = trustedSubject(exchange);
        return new Caller(principal(subject), roles(subject), process(exchange, endpoint), resource(endpoint),
                exchange.getExchangeId());
    }

    /** The endpoint's process option, else the route the exchange is in now (else the route it started in). */
    protected String process(Exchange exchange, KsmEndpoint endpoint) {
        String configured = endpoint.getConfiguration().getProcess();
        return configured != null ? configured : ExchangeHelper.getRouteId(exchange);
    }

    protected String resource(KsmEndpoint endpoint) {
        return endpoint.getComponent().getNodeName();
    }

    /** The subject in {@link Exchange#AUTHENTICATION}, if it is a real {@link Subject} object; null otherwise. */
    protected Subject trustedSubject(Exchange exchange) {
        Message message = exchange.getMessage();
        if (!message.hasHeaders()) {
            return null; // asking an empty message for a header would create its header map
        }
        Object value = message.getHeader(Exchange.AUTHENTICATION);
        if (value == null || value instanceof Subject) {
            return (Subject) value;
        }
        // text can come from an HTTP request: never trust it. The value itself is not logged: it could be a token.
        LOG.warn("Ignoring header {} of type {} on exchange {}: only a javax.security.auth.Subject set by the route"
                 + " is trusted", Exchange.AUTHENTICATION, value.getClass().getName(), exchange.getExchangeId());
        return null;
    }

    /** The names of all principals of the subject (users and groups alike), in the subject's order. */
    protected Set<String> roles(Subject subject) {
        if (subject == null) {
            return Set.of(); // the common case: no allocation per exchange
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p != null && p.getName() != null) {
                roles.add(p.getName());
            }
        }
        return roles;
    }

    protected String principal(Subject subject) {
        if (subject == null) {
            return null;
        }
        return subject.getPrincipals().stream().filter(p -> p != null && p.getName() != null)
                .map(Principal::getName).findFirst().orElse(null);
    }
}
