package io.camelksm.runtime;

/** Where the secret values live (the {@code store} option); access rights and the audit trail are always in the database. */
public enum StoreKind {

    /** camel-ksm's own encrypted store in its database (embedded H2 by default). */
    DATABASE,
    /** Keeper Secrets Manager, through the {@code camel-ksm-keeper} module. */
    KEEPER;

    /** The name used in options and messages: {@code database}, {@code keeper}. */
    public String option() {
        return OptionNames.of(this);
    }

    /**
     * The value of an option text, in any case ({@code store=keeper}).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    public static StoreKind parse(String text) {
        return OptionNames.parse(StoreKind.class, "store", text);
    }

    /** The allowed settings, as a user writes them: {@code store=a, store=b or store=c}. */
    public static String allowed() {
        return OptionNames.allowed(StoreKind.class, "store");
    }
}
