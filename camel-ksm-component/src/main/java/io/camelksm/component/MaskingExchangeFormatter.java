package io.camelksm.component;

import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Tracer;
import org.apache.camel.support.processor.DefaultMaskingFormatter;

/**
 * Masks sensitive values ({@code Authorization}, {@code password}, {@code token}, ... : Camel's list of sensitive keys)
 * in what another exchange formatter writes. Camel's log component masks with {@code logMask=true}, but its tracer (as
 * of 4.22) does not, so it would log the {@code Authorization} header that {@code ksm:} puts on the message. When the
 * context has {@code logMask} on, the component wraps the tracer's formatter in this one.
 */
public final class MaskingExchangeFormatter implements ExchangeFormatter {

    private final ExchangeFormatter delegate;
    private final MaskingFormatter masking;

    public MaskingExchangeFormatter(ExchangeFormatter delegate, MaskingFormatter masking) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.masking = Objects.requireNonNull(masking, "masking");
    }

    @Override
    public String format(Exchange exchange) {
        return masking.format(delegate.format(exchange));
    }

    /**
     * Makes the context's tracer mask what it logs, with the masking formatter bound in the registry as
     * {@value MaskingFormatter#CUSTOM_LOG_MASK_REF} if there is one (as the log component does), else Camel's default.
     * Does nothing if there is no tracer or it masks already.
     */
    public static void maskTracer(CamelContext context) {
        Tracer tracer = context.getTracer();
        if (tracer == null || tracer.getExchangeFormatter() == null
            || tracer.getExchangeFormatter() instanceof MaskingExchangeFormatter) {
            return;
        }
        MaskingFormatter masking = context.getRegistry()
                .lookupByNameAndType(MaskingFormatter.CUSTOM_LOG_MASK_REF, MaskingFormatter.class);
        tracer.setExchangeFormatter(new MaskingExchangeFormatter(tracer.getExchangeFormatter(),
                masking != null ? masking : new DefaultMaskingFormatter()));
    }
}
