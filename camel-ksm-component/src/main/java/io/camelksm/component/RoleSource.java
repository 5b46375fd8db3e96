package io.camelksm.component;

import java.security.Principal;
import java.util.Collection;

/**
 * Tells which roles a principal of the authenticated {@link javax.security.auth.Subject} stands for. Only principals a
 * role source recognises bring roles: a user principal never does, whatever its name.
 * <p>
 * {@link DefaultCallerResolver} asks each of its role sources about each principal; give it your own (for example in a
 * Spring Boot starter) to take roles from another kind of principal.
 */
public interface RoleSource {

    /**
     * The roles the principal brings; empty for a principal this source does not recognise. Must not fail for an
     * unknown principal.
     */
    Collection<String> roles(Principal principal);

    /**
     * Whether the principal stands for a role or group rather than for the user, so that it is never taken as the
     * caller's principal. A principal that carries the user's roles (such as a Spring Security
     * {@code Authentication}) is the user and answers false.
     */
    default boolean isRole(Principal principal) {
        return false;
    }
}
