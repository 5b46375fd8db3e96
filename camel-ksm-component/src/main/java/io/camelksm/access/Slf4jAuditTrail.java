package io.camelksm.access;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every audit event to the dedicated logger {@code camel.ksm.audit} (route it to its own appender), then hands
 * it to the durable trail.
 */
public final class Slf4jAuditTrail implements AuditTrail {

    public static final String LOGGER_NAME = "camel.ksm.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);

    private final AuditTrail durable;

    public Slf4jAuditTrail(AuditTrail durable) {
        this.durable = durable;
    }

    @Override
    public void record(AuditEvent e) {
        durable.record(e);
        log(e);
    }

    /** Writes the batch to the durable trail first, then logs each event, so a failed batch can be retried whole. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        durable.recordAll(events);
        events.forEach(Slf4jAuditTrail::log);
    }

    private static void log(AuditEvent e) {
        String line = "outcome={} credential='{}' operation={} route={} exchange={} principal={} roles={} process={}"
                      + " resource={} reason={}";
        Object[] args = { e.outcome(), e.credential(), e.operation(), e.routeId(), e.exchangeId(), e.principal(),
                e.roles(), e.process(), e.resource(), e.reason() };
        if (e.outcome() == AuditOutcome.GRANTED) {
            AUDIT.info(line, args);
        } else {
            AUDIT.warn(line, args);
        }
    }

    @Override
    public List<AuditEvent> tail(int count) {
        return durable.tail(count);
    }
}
