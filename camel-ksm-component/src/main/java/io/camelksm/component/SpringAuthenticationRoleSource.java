package io.camelksm.component;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The granted authorities of a Spring Security {@code Authentication} that is a principal of the Subject (where
 * camel-spring-security's {@code SpringSecurityAuthorizationPolicy} looks for it). Works by reflection, so camel-ksm
 * needs no Spring dependency; without Spring Security on the class path no principal matches.
 * <p>
 * Only an authenticated {@code Authentication} brings roles, and only its authorities that start with the configured
 * prefix ({@code ROLE_} by default, Spring's {@code hasRole} convention), without the prefix: {@code ROLE_ops} is the
 * role {@code ops}. Other authorities ({@code FACTOR_PASSWORD}, {@code SCOPE_read}) are not roles. An empty prefix
 * takes every authority as it is.
 */
public final class SpringAuthenticationRoleSource implements RoleSource {

    static final String AUTHENTICATION = "org.springframework.security.core.Authentication";
    static final String GRANTED_AUTHORITY = "org.springframework.security.core.GrantedAuthority";
    public static final String DEFAULT_PREFIX = "ROLE_";

    private static final Logger LOG = LoggerFactory.getLogger(SpringAuthenticationRoleSource.class);

    private final String prefix;
    /** Spring's Authentication interface as the principal's class sees it, or null when it does not implement it. */
    private final ClassValue<Optional<Accessors>> accessors = new ClassValue<>() {
        @Override
        protected Optional<Accessors> computeValue(Class<?> type) {
            Class<?> authentication = findInterface(type, AUTHENTICATION);
            return authentication == null ? Optional.empty() : Optional.ofNullable(Accessors.of(authentication));
        }
    };
    /** GrantedAuthority.getAuthority() per authority class, if the class implements it. */
    private static final ClassValue<Optional<MethodHandle>> AUTHORITY = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            Class<?> granted = findInterface(type, GRANTED_AUTHORITY);
            if (granted == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(MethodHandles.publicLookup().findVirtual(granted, "getAuthority",
                        MethodType.methodType(String.class)));
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        }
    };

    public SpringAuthenticationRoleSource(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public Collection<String> roles(Principal principal) {
        Accessors spring = principal == null ? null : accessors.get(principal.getClass()).orElse(null);
        if (spring == null) {
            return List.of();
        }
        try {
            if (!(boolean) spring.isAuthenticated.invoke(principal)) {
                return List.of(); // a login request not yet checked by an AuthenticationManager
            }
            Collection<?> authorities = (Collection<?>) spring.getAuthorities.invoke(principal);
            if (authorities == null || authorities.isEmpty()) {
                return List.of();
            }
            List<String> roles = new ArrayList<>(authorities.size());
            for (Object authority : authorities) {
                String name = authorityName(authority);
                if (name != null && name.startsWith(prefix) && name.length() > prefix.length()) {
                    roles.add(name.substring(prefix.length()));
                }
            }
            return roles;
        } catch (Throwable e) {
            // an Authentication that cannot tell its authorities grants nothing
            LOG.warn("Cannot read the authorities of a {}: {}", principal.getClass().getName(), e.toString());
            return List.of();
        }
    }

    private static String authorityName(Object authority) throws Throwable {
        if (authority == null) {
            return null;
        }
        MethodHandle getAuthority = AUTHORITY.get(authority.getClass()).orElse(null);
        return getAuthority == null ? null : (String) getAuthority.invoke(authority);
    }

    /** The interface of that name among the type's supertypes, or null. */
    static Class<?> findInterface(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name)) {
                    return i;
                }
                Class<?> inherited = findInterface(i, name);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    /** Looked up on Spring's public interface, so a non-public implementation class is no obstacle. */
    private record Accessors(MethodHandle isAuthenticated, MethodHandle getAuthorities) {

        static Accessors of(Class<?> authentication) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new Accessors(
                        lookup.findVirtual(authentication, "isAuthenticated", MethodType.methodType(boolean.class)),
                        lookup.findVirtual(authentication, "getAuthorities", MethodType.methodType(Collection.class)));
            } catch (ReflectiveOperationException e) {
                LOG.warn("{} does not look like Spring Security's Authentication: {}", authentication, e.toString());
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return "SpringAuthenticationRoleSource[prefix=" + prefix + "]";
    }
}
