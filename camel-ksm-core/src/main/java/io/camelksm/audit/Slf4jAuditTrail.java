package io.camelksm.audit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every audit event to the dedicated logger {@code camel.ksm.audit} (route it to its own appender), then hands
 * it to the durable trail. An event that stands for several merged decisions ({@code auditMode=summary}) gets
 * {@code occurrences=N first=<time> last=<lastTime> lastExchange=<id>} at the end of its line.
 */
public final class Slf4jAuditTrail implements AuditTrail {

    public static final String LOGGER_NAME = "camel.ksm.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String LINE = "outcome={} credential='{}' operation={} access={} route={} exchange={}"
                                       + " principal={} roles={} process={} resource={} reason={}";
    private static final String MERGED_LINE = LINE + " occurrences={} first={} last={} lastExchange={}";

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

    /**
     * Logs the event to {@code camel.ksm.audit}: one line per event; a merged one (auditMode=summary) adds how many, its
     * first and last time and exchange.
     */
    public static void log(AuditEvent e) {
        String line = LINE;
        Object[] args;
        if (e.merged()) {
            line = MERGED_LINE;
            args = new Object[] { e.outcome(), e.credential(), e.operation(), access(e), e.routeId(), e.exchangeId(),
                    e.principal(), e.roles(), e.process(), e.resource(), e.reason(), e.occurrences(), e.time(),
                    e.lastTime(), e.lastExchangeId() };
        } else {
            args = new Object[] { e.outcome(), e.credential(), e.operation(), access(e), e.routeId(), e.exchangeId(),
                    e.principal(), e.roles(), e.process(), e.resource(), e.reason() };
        }
        if (e.outcome() == AuditOutcome.GRANTED) {
            AUDIT.info(line, args);
        } else {
            AUDIT.warn(line, args);
        }
    }

    /**
     * Logs at ERROR to {@code camel.ksm.audit} an event the durable trail could not take, so that it is not lost
     * silently.
     */
    static void notPersisted(AuditEvent e) {
        AUDIT.error("NOT PERSISTED outcome={} credential='{}' operation={} route={} exchange={} principal={} time={}"
                    + " reason={}", e.outcome(), e.credential(), e.operation(), e.routeId(), e.exchangeId(),
                e.principal(), e.time(), e.reason());
    }

    /** read or write for a route's request, admin for administration. */
    private static String access(AuditEvent e) {
        return e.access() == null ? "admin" : e.access().label();
    }

    @Override
    public List<AuditEvent> tail(int count) {
        return durable.tail(count);
    }
}
