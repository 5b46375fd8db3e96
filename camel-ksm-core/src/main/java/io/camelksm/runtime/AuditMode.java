package io.camelksm.runtime;

import java.util.Arrays;
import java.util.List;
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

    /**
     * The value of an option text, in any case ({@code auditMode=journal}).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    public static AuditMode parse(String text) {
        String wanted = text == null ? "" : text.strip();
        for (AuditMode value : values()) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown auditMode '" + wanted + "': use " + allowed());
    }

    /** The allowed settings, as a user writes them: {@code auditMode=a, auditMode=b or auditMode=c}. */
    public static String allowed() {
        List<String> settings = Arrays.stream(values()).map(v -> "auditMode=" + v.option()).toList();
        return String.join(", ", settings.subList(0, settings.size() - 1)) + " or " + settings.get(settings.size() - 1);
    }
}
