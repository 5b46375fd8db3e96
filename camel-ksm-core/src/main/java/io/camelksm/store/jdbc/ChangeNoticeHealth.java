package io.camelksm.store.jdbc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelksm.PartHealth;

/**
 * Whether this node hears the changes other nodes make, for health checks and metrics.
 *
 * @param state      LISTENING (caches serve), RECONNECTING (caches off: every request reads the database) or OFF
 *                   (no notices: H2, or changeNotices=false; caches expire after cacheTtl)
 * @param detail     what is so, in words (never a secret)
 * @param since      when the state began (null for OFF)
 * @param received   notices received since the node started
 * @param reconnects times the listening connection was opened again after it was lost
 */
public record ChangeNoticeHealth(State state, String detail, Instant since, long received, long reconnects) {

    public enum State {
        LISTENING, RECONNECTING, OFF
    }

    public static ChangeNoticeHealth off(String detail) {
        return new ChangeNoticeHealth(State.OFF, detail, null, 0, 0);
    }

    /**
     * As a part of the node's health (the readiness check {@code ksm-change-notices}): up in every state, with the
     * state in the details. While RECONNECTING the node bypasses its cache and reads the database on every request, so
     * it still decides correctly, only at a database read per request (as the audit's DEGRADED state records rather
     * than refuses): taking it out of a load balancer would move its load onto the others for no gain, and a database
     * that does not answer makes the database's own check DOWN.
     */
    public PartHealth partHealth() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeNotices.state", state.name());
        details.put("changeNotices.received", received);
        details.put("changeNotices.reconnects", reconnects);
        if (since != null) {
            details.put("changeNotices.since", since.toString());
        }
        return PartHealth.up(switch (state) {
            case LISTENING -> "Hears the changes other nodes commit: " + detail;
            case RECONNECTING -> "Not hearing the changes other nodes commit, reconnecting; every request reads the"
                                 + " database meanwhile: " + detail;
            case OFF -> "Change notices off: " + detail;
        }, details);
    }
}
