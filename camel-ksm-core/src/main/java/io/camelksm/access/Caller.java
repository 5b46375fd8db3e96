package io.camelksm.access;

import java.util.Collections;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Who asks for a credential, as established from trusted sources only: the roles of the authenticated subject, the
 * process (route) and the resource (node) it runs on, and a session id (the exchange) for the audit trail.
 *
 * @param principal the authenticated user or client, for the audit trail; may be null
 * @param roles     role names of the authenticated subject; empty when unauthenticated
 * @param process   the process asking, by default the route id
 * @param resource  the node the process runs on, by default the host name
 * @param session   the session (exchange id), for the audit trail; may be null
 */
public record Caller(String principal, Set<String> roles, String process, String resource, String session) {

    public Caller {
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(roles));
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "Caller[", "]");
        out.add("principal=" + principal).add("roles=" + roles).add("process=" + process).add("resource=" + resource);
        return out.toString();
    }
}
