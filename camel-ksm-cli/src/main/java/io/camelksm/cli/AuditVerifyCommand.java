package io.camelksm.cli;

import io.camelksm.store.jdbc.AuditVerification;
import io.camelksm.store.jdbc.AuditVerification.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit verify [--expect-seq N]}: checks the audit trail's MAC chain and names where it breaks. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Checks every audit entry against its chained MAC (HMAC-SHA256 under a key derived from the key"
                       + " file, which the database does not hold) and reports the first entry deleted, changed,"
                       + " reordered or inserted behind camel-ksm's back, by sequence number and row id. Entries"
                       + " written before the chain existed (schema V5) are counted as unchained legacy rows.%n"
                       + "Exit code 0: intact; " + KsmAdmin.EXIT_TAMPERED + ": tampered; 1 or 2: could not check"
                       + " (user error, failure).%n"
                       + "Deleting the newest entries and also rewinding the chain head leaves a shorter valid"
                       + " chain: keep the last sequence number printed and pass it with --expect-seq next time.")
final class AuditVerifyCommand extends AdminCommand {

    @Option(names = "--expect-seq", paramLabel = "N",
            description = "The last sequence number an earlier verify printed: the trail must still reach it.")
    Long expectSeq;

    private boolean tampered;

    @Override
    void execute() {
        if (expectSeq != null && expectSeq < 0) {
            throw new UserInputException("--expect-seq must not be negative, was " + expectSeq);
        }
        AuditVerification v;
        try (AdminSession session = application().openSession()) {
            v = session.verifyAuditTrail();
        }
        Problem problem = v.firstProblem();
        if (problem == null && expectSeq != null && v.lastSeq() < expectSeq) {
            problem = new Problem(AuditVerification.Kind.TRUNCATED, v.lastSeq() + 1, null, "the trail ends at seq "
                                  + v.lastSeq() + ", but reached seq " + expectSeq + " before (--expect-seq): the"
                                  + " newest entries were deleted");
        }
        tampered = problem != null;
        out().println(report(v, problem));
    }

    @Override
    int exitCode() {
        return tampered ? KsmAdmin.EXIT_TAMPERED : KsmAdmin.EXIT_OK;
    }

    static String report(AuditVerification v, Problem problem) {
        StringBuilder out = new StringBuilder();
        if (problem == null) {
            out.append("Audit trail intact: ").append(v.chainedRows()).append(" chained entries")
                    .append(v.lastSeq() > 0 ? " (seq 1.." + v.lastSeq() + ")" : "").append('.');
            if (v.lastSeq() > 0) {
                out.append("\nLast entry: seq ").append(v.lastSeq()).append(", MAC ").append(v.lastMac())
                        .append(" (keep it: verify --expect-seq ").append(v.lastSeq())
                        .append(" notices later deletion of the newest entries)");
            }
        } else {
            out.append("Audit trail TAMPERED at seq ").append(problem.seq())
                    .append(problem.id() == null ? "" : " (id " + problem.id() + ")").append(": ")
                    .append(problem.kind()).append(": ").append(problem.description()).append('.');
            long verified = Math.min(v.chainedRows(), problem.seq() - 1);
            out.append('\n').append(verified <= 0 ? "No entry before it verified."
                    : "Seq 1.." + verified + " before it verified.");
        }
        if (v.legacyRows() > 0) {
            out.append('\n').append(v.legacyRows()).append(" unchained legacy rows (written before the chain started"
                                                           + " with schema V5) carry no MAC and were not checked.");
        }
        return out.toString();
    }
}
