package io.camelksm.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Enum options as users write them ({@code auditMode=journal}): parsing in any case, and the allowed settings. */
final class OptionNames {

    private OptionNames() {
    }

    /** The constant's name as written in an option: lower case. */
    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the option, the value and the allowed settings */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        String wanted = text == null ? "" : text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown " + option + " '" + wanted + "': use " + allowed(type, option));
    }

    /** {@code option=a, option=b or option=c}. */
    static <E extends Enum<E>> String allowed(Class<E> type, String option) {
        List<String> settings = Arrays.stream(type.getEnumConstants()).map(v -> option + "=" + of(v)).toList();
        return settings.size() == 1 ? settings.get(0)
                : String.join(", ", settings.subList(0, settings.size() - 1)) + " or " + settings.get(settings.size() - 1);
    }
}
