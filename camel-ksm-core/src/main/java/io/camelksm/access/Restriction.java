package io.camelksm.access;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The values one dimension allows: nobody (the default), a set of names, or anyone ({@link #ANY}, granted explicitly).
 */
public record Restriction(boolean any, Set<String> allowed) {

    /** The word that grants a dimension to everyone, in the CLI and in the database. */
    public static final String ANY_WORD = "*";

    public static final Restriction NOBODY = new Restriction(false, Set.of());
    public static final Restriction ANY = new Restriction(true, Set.of());

    public Restriction {
        allowed = allowed == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(allowed));
    }

    public static Restriction of(Collection<String> values) {
        if (values.contains(ANY_WORD)) {
            return ANY;
        }
        return values.isEmpty() ? NOBODY : new Restriction(false, Set.copyOf(values));
    }

    public boolean permits(String value) {
        return any || (value != null && allowed.contains(value));
    }

    public boolean permitsAnyOf(Collection<String> values) {
        if (any) {
            return true;
        }
        for (String value : values) {
            if (allowed.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code any}, {@code nobody}, or the values quoted ({@code 'a', 'b'}), so a value with a comma stays one. */
    @Override
    public String toString() {
        if (any) {
            return "any";
        }
        if (allowed.isEmpty()) {
            return "nobody";
        }
        StringJoiner out = new StringJoiner(", ");
        allowed.forEach(value -> out.add("'" + value + "'"));
        return out.toString();
    }
}
