package io.camelksm.runtime;

/** Whether OAuth 2.0 tokens are cached per node or shared by the nodes on one database (the {@code tokenSharing} option). */
public enum TokenSharing {

    /** Each node fetches and caches its own tokens: N nodes make N token requests per token lifetime. */
    NODE,
    /**
     * The nodes on one PostgreSQL database share their tokens through it: one token request per lifetime for the whole
     * cluster. Costs a database read when a node has no fresh token, and a database connection while a node fetches.
     */
    CLUSTER;

    /** The name used in options and messages: {@code node}, {@code cluster}. */
    public String option() {
        return OptionNames.of(this);
    }

    /**
     * The value of an option text, in any case ({@code tokenSharing=cluster}).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    public static TokenSharing parse(String text) {
        return OptionNames.parse(TokenSharing.class, "tokenSharing", text);
    }

    /** {@code tokenSharing=node or tokenSharing=cluster}. */
    public static String allowed() {
        return OptionNames.allowed(TokenSharing.class, "tokenSharing");
    }
}
