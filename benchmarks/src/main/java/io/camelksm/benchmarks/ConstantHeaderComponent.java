package io.camelksm.benchmarks;

import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.ExchangeHelper;

import io.camelksm.component.KsmConstants;
import io.camelksm.component.KsmOAuth2;

/**
 * A diagnostic for benchmark 3: the least any component can do in the same place, a producer that sets a fixed
 * header. {@code to("constant-header:x")} measures what Camel itself costs for calling a component, the floor under
 * {@code to("ksm:...")}.
 * <p>
 * With {@link #auditFloor(String, String)}, the producer also does the Camel work that {@code ksm:} does besides its
 * own checks: it reads the exchange id and the route id (what an audit record names), sets the credential type header
 * and puts a token handle in an exchange property. That is the floor under any component that audits each exchange
 * and hands its token to the route, before it checks or records anything.
 */
final class ConstantHeaderComponent extends DefaultComponent {

    private static final Object TOKEN_HANDLE = new Object();

    private final String name;
    private final String value;
    private final boolean auditFloor;

    ConstantHeaderComponent(String name, String value) {
        this(name, value, false);
    }

    private ConstantHeaderComponent(String name, String value, boolean auditFloor) {
        this.name = name;
        this.value = value;
        this.auditFloor = auditFloor;
    }

    static ConstantHeaderComponent auditFloor(String name, String value) {
        return new ConstantHeaderComponent(name, value, true);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new DefaultEndpoint(uri, this) {
            @Override
            public Producer createProducer() {
                return new DefaultAsyncProducer(this) {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        Message message = exchange.getMessage();
                        if (auditFloor) {
                            audited(exchange.getExchangeId(), ExchangeHelper.getRouteId(exchange));
                            message.setHeader(KsmConstants.CREDENTIAL_TYPE, "OAUTH2_CLIENT_CREDENTIALS");
                            exchange.setProperty(KsmOAuth2.TOKEN_PROPERTY, TOKEN_HANDLE);
                        }
                        message.setHeader(name, value);
                        callback.done(true);
                        return true;
                    }
                };
            }

            /** Keeps the values read alive, as an audit record would; never true. */
            private void audited(String exchangeId, String routeId) {
                if (exchangeId == null || routeId == null) {
                    throw new IllegalStateException("an exchange without id or route");
                }
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException("constant-header has no consumer");
            }
        };
    }
}
