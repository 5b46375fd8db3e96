package io.camelksm.runtime;

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
}
