package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.DefaultExchangeFormatter;
import org.apache.camel.support.processor.DefaultMaskingFormatter;
import org.junit.jupiter.api.Test;

/** Camel's own formatter shows the Authorization header; wrapped in ours it does not. */
class MaskingExchangeFormatterTest {

    private static final String VALUE = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";

    @Test
    void masksTheAuthorizationHeaderThatCamelsFormatterShows() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setHeader("Authorization", VALUE);
            exchange.getMessage().setHeader("Accept", "text/plain");
            exchange.getMessage().setBody("hello");
            DefaultExchangeFormatter plain = new DefaultExchangeFormatter();
            plain.setShowHeaders(true);

            assertThat(plain.format(exchange)).as("Camel does not mask by itself").contains(VALUE);
            String masked = new MaskingExchangeFormatter(plain, new DefaultMaskingFormatter()).format(exchange);
            assertThat(masked).doesNotContain("QWxhZGRpbjpvcGVuIHNlc2FtZQ==").contains("Authorization=xxxxx")
                    .contains("Accept=text/plain").contains("hello");
        }
    }

    @Test
    void maskTracerWrapsOnceAndPrefersTheRegisteredMaskingFormatter() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            MaskingFormatter custom = text -> "masked";
            camel.getRegistry().bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, custom);

            MaskingExchangeFormatter.maskTracer(camel);
            MaskingExchangeFormatter.maskTracer(camel);

            assertThat(camel.getTracer().getExchangeFormatter()).isInstanceOf(MaskingExchangeFormatter.class);
            assertThat(camel.getTracer().getExchangeFormatter().format(new DefaultExchange(camel)))
                    .isEqualTo("masked");
        }
    }
}
