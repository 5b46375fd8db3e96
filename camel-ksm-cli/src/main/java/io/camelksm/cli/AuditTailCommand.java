package io.camelksm.cli;

import java.util.List;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit tail [-n N]}: the newest audit events, oldest first. */
@Command(name = "tail", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Prints the newest audit events, oldest first: time, outcome, operation, credential, caller,"
                       + " route, exchange and reason. An entry standing for N identical granted reads"
                       + " (auditMode=summary) shows 'x N until <last time> (exchanges <first>..<last>)'.")
final class AuditTailCommand extends AdminCommand {

    static final int MAX_LINES = 10_000;

    @Option(names = { "-n", "--lines" }, paramLabel = "N", defaultValue = "20",
            description = "How many events (1 to " + MAX_LINES + "; default: ${DEFAULT-VALUE}).")
    int lines;

    @Override
    void execute() {
        if (lines < 1 || lines > MAX_LINES) {
            throw new UserInputException("-n must be between 1 and " + MAX_LINES + ", was " + lines);
        }
        try (AdminSession session = application().openSession()) {
            List<AuditEvent> events = session.credentials().audit().tail(lines);
            if (events.isEmpty()) {
                out().println("The audit trail is empty.");
            }
            events.forEach(e -> out().println(format(e)));
        }
    }

    /**
     * One line per entry. An entry that stands for several identical decisions (auditMode=summary) adds
     * {@code x N until <lastTime> (exchanges <first>..<last>)} after the time.
     */
    static String format(AuditEvent e) {
        String line = String.format("%s %-7s %-11s '%s' principal=%s roles=%s process=%s resource=%s route=%s"
                                    + " exchange=%s reason=%s", e.time(), e.outcome(), operation(e), e.credential(),
                dash(e.principal()), e.roles(), dash(e.process()), dash(e.resource()), dash(e.routeId()),
                dash(e.exchangeId()), dash(e.reason()));
        if (e.occurrences() <= 1) {
            return line;
        }
        String time = String.valueOf(e.time());
        return time + " x " + e.occurrences() + " until " + e.lastTime() + " (exchanges " + dash(e.exchangeId()) + ".."
               + dash(e.lastExchangeId()) + ")" + line.substring(time.length());
    }

    /** A route's write is marked as such: it was checked against the write right. */
    private static String operation(AuditEvent e) {
        return e.access() == AccessMode.WRITE ? e.operation() + " (write)" : e.operation();
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
