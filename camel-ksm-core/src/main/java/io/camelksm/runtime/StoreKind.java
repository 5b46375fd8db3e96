package io.camelksm.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where the secret values live (the {@code store} option); access rights and the audit trail are always in the database. */
public enum StoreKind {

    /** camel-ksm's own encrypted store in its database (embedded H2 by default). */
    DATABASE,
    /** Keeper Secrets Manager, through the {@code camel-ksm-keeper} module. */
    KEEPER;

    /** The name used in options and messages: {@code database}, {@code keeper}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The value of an option text, in any case ({@code store=keeper}).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    public static StoreKind parse(String text) {
        String wanted = text == null ? "" : text.strip();
        for (StoreKind value : values()) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown store '" + wanted + "': use " + allowed());
    }

    /** The allowed settings, as a user writes them: {@code store=a, store=b or store=c}. */
    public static String allowed() {
        List<String> settings = Arrays.stream(values()).map(v -> "store=" + v.option()).toList();
        return String.join(", ", settings.subList(0, settings.size() - 1)) + " or " + settings.get(settings.size() - 1);
    }
}
