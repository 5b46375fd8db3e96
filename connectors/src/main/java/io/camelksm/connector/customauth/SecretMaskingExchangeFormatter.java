package io.camelksm.connector.customauth;

import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.spi.Tracer;

/**
 * Masks the values of a call's {@link CallSecrets} in what another exchange formatter writes, whatever the header,
 * query parameter or body field that carries them: Camel's masking formatter only knows sensitive key names
 * ({@code Authorization}, {@code password}, ...), while custom authentication may put a secret under any name.
 */
public final class SecretMaskingExchangeFormatter implements ExchangeFormatter {

    private final ExchangeFormatter delegate;

    public SecretMaskingExchangeFormatter(ExchangeFormatter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String format(Exchange exchange) {
        String formatted = delegate.format(exchange);
        CallSecrets secrets = CallSecrets.of(exchange);
        return secrets == null ? formatted : secrets.scrub(formatted);
    }

    /** Wraps the context's tracer formatter (once); does nothing without a tracer. */
    public static void maskTracer(CamelContext context) {
        Tracer tracer = context.getTracer();
        if (tracer == null || tracer.getExchangeFormatter() == null
            || tracer.getExchangeFormatter() instanceof SecretMaskingExchangeFormatter) {
            return;
        }
        tracer.setExchangeFormatter(new SecretMaskingExchangeFormatter(tracer.getExchangeFormatter()));
    }
}
