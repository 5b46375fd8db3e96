package io.camelksm.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three restrictions every credential carries; all of them must allow a caller. */
public enum Dimension {
    /** Security roles of the authenticated subject (the recommended restriction). */
    ROLE,
    /** Processes (route ids) allowed to use the credential (legacy). */
    PROCESS,
    /** Resources (nodes) allowed to use the credential (legacy). */
    RESOURCE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Dimension d : values()) {
            // singular or plural: role/roles, process/processes, resource/resources
            if (wanted.equals(d.name()) || wanted.equals(d.name() + "S") || wanted.equals(d.name() + "ES")) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown restriction '" + text + "'; one of "
                + Arrays.stream(values()).map(Dimension::label).collect(Collectors.joining(", ")));
    }
}
