package io.camelksm.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a caller against a credential's rights: roles, process and resource are all checked and must all allow the
 * caller (AND). An empty restriction allows nobody, so a credential nobody was granted is denied to everyone.
 */
public final class AccessPolicy {

    private static final AccessDecision GRANTED = new AccessDecision(true, List.of(),
            "role, process and resource allowed");

    public AccessDecision decide(AccessRights rights, Caller caller) {
        if (rights.roles().permitsAnyOf(caller.roles()) && rights.processes().permits(caller.process())
            && rights.resources().permits(caller.resource())) {
            return GRANTED; // the common case, on every request: nothing to explain, nothing to allocate
        }
        List<Dimension> failed = new ArrayList<>(3);
        List<String> reasons = new ArrayList<>(3);
        if (!rights.roles().permitsAnyOf(caller.roles())) {
            failed.add(Dimension.ROLE);
            reasons.add("roles " + caller.roles() + " not in allowed roles [" + rights.roles() + "]");
        }
        if (!rights.processes().permits(caller.process())) {
            failed.add(Dimension.PROCESS);
            reasons.add("process '" + caller.process() + "' not in allowed processes [" + rights.processes() + "]");
        }
        if (!rights.resources().permits(caller.resource())) {
            failed.add(Dimension.RESOURCE);
            reasons.add("resource '" + caller.resource() + "' not in allowed resources [" + rights.resources() + "]");
        }
        return new AccessDecision(false, failed, String.join("; ", reasons));
    }
}
