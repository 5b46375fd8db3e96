package io.camelksm.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an ISO-8601 instant ({@code 2026-12-31T23:59:59Z}), a date-time with offset ({@code 2026-12-31T23:59:59+02:00})
 * or a date ({@code 2026-12-31}, meaning the start of that day in UTC).
 */
public final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String text) {
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither an ISO-8601 instant (2026-12-31T23:59:59Z)"
                                              + " nor a date (2026-12-31)");
        }
    }
}
