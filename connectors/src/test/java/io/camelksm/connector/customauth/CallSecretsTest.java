package io.camelksm.connector.customauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.Secret;

class CallSecretsTest {

    private static final String KEY = "k3y/with+plus";

    @Test
    void releaseMasksTheBodyAndTheFailureThenWipesTheValues() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        Secret key = Secret.of(KEY);
        CallSecrets.on(exchange).addAll(List.of(key));
        exchange.getMessage().setBody("{\"error\": \"bad key " + KEY + "\"}");
        IllegalStateException failure = new IllegalStateException("call to /x?key=k3y%2Fwith%2Bplus failed",
                new IllegalArgumentException("echo " + KEY));
        exchange.setException(failure);

        CallSecrets.release(exchange);

        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("{\"error\": \"bad key ******\"}");
        Exception scrubbed = exchange.getException();
        assertThat(scrubbed).isInstanceOf(ScrubbedException.class)
                .hasMessage("java.lang.IllegalStateException: call to /x?key=****** failed");
        assertThat(scrubbed.getCause()).hasMessage("java.lang.IllegalArgumentException: echo ******");
        assertThat(scrubbed.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(key.isDestroyed()).isTrue();
        assertThat(exchange.getProperty(CallSecrets.PROPERTY)).isNull();
    }

    @Test
    void aFailureWithoutTheValueKeepsItsType() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        CallSecrets.on(exchange).addAll(List.of(Secret.of(KEY)));
        IllegalStateException failure = new IllegalStateException("HTTP 500");
        exchange.setException(failure);

        CallSecrets.release(exchange);

        assertThat(exchange.getException()).isSameAs(failure);
    }

    @Test
    void theFormatterMasksTheExchangesValuesOnly() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        SecretMaskingExchangeFormatter formatter = new SecretMaskingExchangeFormatter(e -> "X-Custom=" + KEY);

        assertThat(formatter.format(exchange)).isEqualTo("X-Custom=" + KEY);
        CallSecrets.on(exchange).addAll(List.of(Secret.of(KEY)));
        assertThat(formatter.format(exchange)).isEqualTo("X-Custom=******");
        assertThat(CallSecrets.of(exchange)).hasToString("CallSecrets[1 masked]");
    }
}
