package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void readsInstantsOffsetsAndDates() {
        assertThat(converter.convert("2026-12-31T23:59:59Z")).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(converter.convert("2026-12-31T23:59:59+02:00")).isEqualTo(Instant.parse("2026-12-31T21:59:59Z"));
        assertThat(converter.convert(" 2026-12-31 ")).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    }

    @Test
    void refusesAnythingElseNamingTheValueAndTheFormats() {
        assertThatThrownBy(() -> converter.convert("next tuesday"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'next tuesday'")
                .hasMessageContaining("2026-12-31T23:59:59Z");
    }
}
