package io.camelksm.testsupport;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.security.auth.Subject;

import com.sun.security.auth.UserPrincipal;

import io.camelksm.component.RolePrincipal;

/** Authenticated subjects as a security policy (or a JAAS login) puts them on. */
public final class Subjects {

    private Subjects() {
    }

    /** A subject whose principals are the user (a JAAS UserPrincipal) followed by its roles (RolePrincipals). */
    public static Subject of(String user, String... roles) {
        Set<Principal> principals = new LinkedHashSet<>();
        principals.add(new UserPrincipal(user));
        Arrays.stream(roles).map(RolePrincipal::new).forEach(principals::add);
        return of(principals);
    }

    public static Subject of(Set<Principal> principals) {
        return new Subject(true, principals, Set.of(), Set.of());
    }
}
