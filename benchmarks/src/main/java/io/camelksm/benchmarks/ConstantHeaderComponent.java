package io.camelksm.benchmarks;

import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A diagnostic for benchmark 3: the least any component can do in the same place, a producer that sets a fixed
 * header. {@code to("constant-header:x")} measures what Camel itself costs for calling a component, the floor under
 * {@code to("ksm:...")}.
 */
final class ConstantHeaderComponent extends DefaultComponent {

    private final String name;
    private final String value;

    ConstantHeaderComponent(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new DefaultEndpoint(uri, this) {
            @Override
            public Producer createProducer() {
                return new DefaultAsyncProducer(this) {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        exchange.getMessage().setHeader(name, value);
                        callback.done(true);
                        return true;
                    }
                };
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException("constant-header has no consumer");
            }
        };
    }
}
