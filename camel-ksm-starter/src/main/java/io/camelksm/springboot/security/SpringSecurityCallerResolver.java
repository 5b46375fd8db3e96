package io.camelksm.springboot.security;

import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.camel.Exchange;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

import io.camelksm.component.DefaultCallerResolver;
import io.camelksm.component.RoleSource;

/**
 * The caller of a {@code ksm:} endpoint in a Spring Security application: the {@link DefaultCallerResolver} (process =
 * route id, resource = node name, roles from the role sources) with the authenticated Spring Security
 * {@link Authentication} of the request that started the exchange as its subject. Where the Authentication is looked
 * for, first match wins:
 * <ol>
 * <li>a {@link Subject} the route put in the {@link Exchange#AUTHENTICATION} header (the default resolver's source);</li>
 * <li>the {@link SecurityContext} that Spring Security's filter chain stored as an attribute of the servlet request
 * carried by the exchange (platform-http runs routes on another thread, where the holder is empty);</li>
 * <li>{@link SecurityContextHolder} on the route's thread (a route started on the request thread, or platform-http
 * with a {@code DelegatingSecurityContextAsyncTaskExecutor}).</li>
 * </ol>
 * Nothing that a request carries as text (headers, query parameters) is ever read. An anonymous or unauthenticated
 * Authentication is no caller: no roles, no principal. The roles are the authorities with the role prefix
 * ({@code ROLE_} by default), without it; the principal is the Authentication's name.
 */
public class SpringSecurityCallerResolver extends DefaultCallerResolver {

    private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
            SpringSecurityCallerResolver.class.getClassLoader());

    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

    /** @param roleSources as for {@link DefaultCallerResolver}, see {@link #defaultRoleSources(String, String)} */
    public SpringSecurityCallerResolver(List<RoleSource> roleSources) {
        super(roleSources);
    }

    @Override
    protected Subject trustedSubject(Exchange exchange) {
        Subject routeSubject = super.trustedSubject(exchange);
        if (routeSubject != null) {
            return routeSubject; // the route established the caller itself: it knows best
        }
        Authentication authentication = authentication(exchange);
        if (authentication == null || !authentication.isAuthenticated() || trustResolver.isAnonymous(authentication)) {
            return null;
        }
        return new Subject(true, Set.of(authentication), Set.of(), Set.of());
    }

    /** The Authentication of the request that started the exchange, else the one on this thread; may be null. */
    protected Authentication authentication(Exchange exchange) {
        if (SERVLET_PRESENT && exchange.getMessage().hasHeaders()) {
            SecurityContext context = ServletRequestSecurityContext.of(exchange);
            if (context != null) {
                return context.getAuthentication();
            }
        }
        SecurityContext context = SecurityContextHolder.getContext();
        return context == null ? null : context.getAuthentication();
    }

    @Override
    public String toString() {
        return "SpringSecurityCallerResolver" + getRoleSources();
    }
}
