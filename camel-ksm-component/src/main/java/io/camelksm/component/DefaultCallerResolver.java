package io.camelksm.component;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <li>roles: what the {@link RoleSource}s find among the principals of the {@link Subject} in the
 * {@link Exchange#AUTHENTICATION} header: by default principals of the role principal classes
 * ({@link PrincipalClassRoleSource#DEFAULT_CLASSES}) and the {@code ROLE_} authorities of a Spring Security
 * {@code Authentication}. A user principal is never a role, whatever its name. Only a real {@code Subject} object
 * counts: it can only be put there by code in the route (or a security policy), whereas an inbound HTTP request can
 * only bring text, which is ignored.</li>
 * <li>principal: the first principal of the subject that is not a role.</li>
 * </ul>
 */
public class DefaultCallerResolver implements CallerResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCallerResolver.class);

    private final List<RoleSource> roleSources;

    /** With the default role sources: the default role principal classes and Spring's ROLE_ authorities. */
    public DefaultCallerResolver() {
        this(defaultRoleSources(PrincipalClassRoleSource.DEFAULT_CLASSES,
                SpringAuthenticationRoleSource.DEFAULT_PREFIX));
    }

    public DefaultCallerResolver(List<RoleSource> roleSources) {
        this.roleSources = List.copyOf(roleSources);
    }

    /**
     * @param rolePrincipalClasses comma-separated class names whose principals are roles
     * @param authorityRolePrefix  the prefix of the Spring Security authorities that are roles ("" for all)
     */
    public static List<RoleSource> defaultRoleSources(String rolePrincipalClasses, String authorityRolePrefix) {
        return List.of(new PrincipalClassRoleSource(rolePrincipalClasses),
                new SpringAuthenticationRoleSource(authorityRolePrefix));
    }

    public List<RoleSource> getRoleSources() {
        return roleSources;
    }

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

    /** The roles the role sources find among the subject's principals, in the subject's order. */
    protected Set<String> roles(Subject subject) {
        if (subject == null) {
            return Set.of(); // the common case: no allocation per exchange
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p == null) {
                continue;
            }
            for (RoleSource source : roleSources) {
                for (String role : source.roles(p)) {
                    if (role != null && !role.isBlank()) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    /** The name of the first principal that no role source takes for a role: the user. */
    protected String principal(Subject subject) {
        if (subject == null) {
            return null;
        }
        for (Principal p : subject.getPrincipals()) {
            if (p != null && p.getName() != null && !isRole(p)) {
                return p.getName();
            }
        }
        return null;
    }

    private boolean isRole(Principal principal) {
        for (RoleSource source : roleSources) {
            if (source.isRole(principal)) {
                return true;
            }
        }
        return false;
    }
}
