package io.camelksm.runtime;

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
        return OptionNames.of(this);
    }

    /**
     * The value of an option text, in any case ({@code auditMode=journal}).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    public static AuditMode parse(String text) {
        return OptionNames.parse(AuditMode.class, "auditMode", text);
    }

    /** The allowed settings, as a user writes them: {@code auditMode=a, auditMode=b or auditMode=c}. */
    public static String allowed() {
        return OptionNames.allowed(AuditMode.class, "auditMode");
    }
}
