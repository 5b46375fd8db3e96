package io.camelksm.examples.httpbasic;

import java.security.Principal;

/** A role of the authenticated subject; ksm: takes the principals' names as the caller's roles. */
public record RolePrincipal(String getName) implements Principal {
}
