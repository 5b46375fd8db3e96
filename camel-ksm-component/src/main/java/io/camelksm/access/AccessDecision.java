package io.camelksm.access;

import java.util.List;

/** The outcome of checking a caller against a credential's rights, with the dimensions that failed. */
public record AccessDecision(boolean granted, List<Dimension> failed, String reason) {

    public AccessDecision {
        failed = List.copyOf(failed);
    }
}
