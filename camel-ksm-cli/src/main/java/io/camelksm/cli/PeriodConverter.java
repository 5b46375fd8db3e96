package io.camelksm.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a period ahead as a number of days, hours or weeks: {@code 14d}, {@code 36h}, {@code 2w}. */
final class PeriodConverter implements ITypeConverter<Duration> {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,6})\\s*(h|d|w)");

    @Override
    public Duration convert(String text) {
        Matcher m = PERIOD.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + text.strip() + "' is not a period: a number with h, d or w"
                                              + " (e.g. 36h, 14d, 2w)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "w" -> Duration.ofDays(7 * amount);
            default -> Duration.ofDays(amount);
        };
    }
}
