package io.camelksm.access;

import java.util.List;
import java.util.Objects;

/** The outcome of checking a caller against one right of a credential, with the dimensions that failed. */
public record AccessDecision(boolean granted, List<Dimension> failed, String reason, AccessMode mode) {

    public AccessDecision {
        failed = List.copyOf(failed);
        Objects.requireNonNull(mode, "mode");
    }

    /** A decision on the read right. */
    public AccessDecision(boolean granted, List<Dimension> failed, String reason) {
        this(granted, failed, reason, AccessMode.READ);
    }
}
