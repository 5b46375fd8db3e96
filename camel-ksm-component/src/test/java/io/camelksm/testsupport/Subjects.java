package io.camelksm.testsupport;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

/** Authenticated subjects as a security policy (or Spring Security through camel-spring-security) puts them on. */
public final class Subjects {

    private Subjects() {
    }

    /** A subject whose principals are the user followed by its roles. */
    public static Subject of(String user, String... roles) {
        Set<Principal> principals = new LinkedHashSet<>();
        principals.add(new NamedPrincipal(user));
        principals.addAll(Arrays.stream(roles).map(NamedPrincipal::new).collect(Collectors.toList()));
        return new Subject(true, principals, Set.of(), Set.of());
    }

    record NamedPrincipal(String getName) implements Principal {
    }
}
