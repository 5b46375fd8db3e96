package io.camelksm.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a caller against one right of a credential (read or write): roles, process and resource are all checked and
 * must all allow the caller (AND). An empty restriction allows nobody, so a right nobody was granted is denied to
 * everyone. The two rights are separate: holding the read right never allows a write, nor the other way round.
 */
public final class AccessPolicy {

    private static final AccessDecision READ_GRANTED = new AccessDecision(true, List.of(),
            "role, process and resource allowed", AccessMode.READ);
    private static final AccessDecision WRITE_GRANTED = new AccessDecision(true, List.of(),
            "role, process and resource allowed to write", AccessMode.WRITE);

    /** The read right (authorize, get). */
    public AccessDecision decide(AccessRights rights, Caller caller) {
        return decide(rights, caller, AccessMode.READ);
    }

    public AccessDecision decide(AccessRights rights, Caller caller, AccessMode mode) {
        Restrictions r = rights.of(mode);
        if (r.roles().permitsAnyOf(caller.roles()) && r.processes().permits(caller.process())
            && r.resources().permits(caller.resource())) {
            // the common case, on every request: nothing to explain, nothing to allocate
            return mode == AccessMode.WRITE ? WRITE_GRANTED : READ_GRANTED;
        }
        String allowed = mode == AccessMode.WRITE ? " allowed to write" : "";
        List<Dimension> failed = new ArrayList<>(3);
        List<String> reasons = new ArrayList<>(4);
        if (mode == AccessMode.WRITE && r.isNobody()) {
            reasons.add("no write right was granted on this credential (read rights never allow a write)");
        }
        if (!r.roles().permitsAnyOf(caller.roles())) {
            failed.add(Dimension.ROLE);
            reasons.add("roles " + caller.roles() + " not in " + (allowed.isEmpty() ? "allowed roles" : "roles"
                        + allowed) + " [" + r.roles() + "]");
        }
        if (!r.processes().permits(caller.process())) {
            failed.add(Dimension.PROCESS);
            reasons.add("process '" + caller.process() + "' not in " + (allowed.isEmpty() ? "allowed processes"
                        : "processes" + allowed) + " [" + r.processes() + "]");
        }
        if (!r.resources().permits(caller.resource())) {
            failed.add(Dimension.RESOURCE);
            reasons.add("resource '" + caller.resource() + "' not in " + (allowed.isEmpty() ? "allowed resources"
                        : "resources" + allowed) + " [" + r.resources() + "]");
        }
        return new AccessDecision(false, failed, String.join("; ", reasons), mode);
    }
}
