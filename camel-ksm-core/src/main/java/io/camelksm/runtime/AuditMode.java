package io.camelksm.runtime;

import java.util.Locale;

/** How audit events reach camel-ksm's database (the {@code auditMode} option). */
public enum AuditMode {

    /** Appended to a memory-mapped journal before the request goes on; copied into the database in the background. */
    JOURNAL,
    /** Queued by the request thread, written in batches by one background thread; lost if the JVM dies. */
    ASYNC,
    /** Written to the database before the request goes on. */
    SYNC,
    /** As ASYNC, with identical granted reads of each batch merged into one event with a count. */
    SUMMARY;

    /** The name used in options and messages: {@code journal}, {@code async}, {@code sync}, {@code summary}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
