package io.camelksm.store.jdbc;

import java.time.Instant;

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
}
