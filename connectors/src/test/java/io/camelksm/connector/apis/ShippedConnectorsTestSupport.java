package io.camelksm.connector.apis;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.route.ConnectorRoutes;
import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * The shipped definitions, loaded from {@code classpath:connectors/} as an application loads them, with only their
 * base URLs and token endpoints pointed at WireMock on loopback through Camel properties. Subclasses add their
 * credentials and grants in {@link #credentials()} and name the properties in {@link #properties()}.
 */
abstract class ShippedConnectorsTestSupport extends KsmCamelTestSupport {

    /** A WireMock server on 127.0.0.1 with a dynamic port. */
    static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .gzipDisabled(true)).build();
    }

    static String url(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Stores the test's credentials and grants. */
    protected abstract void credentials();

    /** The Camel properties that point the definitions at WireMock. */
    protected abstract Map<String, String> properties();

    @Override
    protected RouteBuilder createRouteBuilder() {
        credentials();
        Properties overrides = new Properties();
        overrides.putAll(properties());
        context.getPropertiesComponent().setOverrideProperties(overrides);
        return new ConnectorRoutes(ConnectorDefinitions.load("classpath:connectors/"));
    }

    /** Calls an action with the given parameters as message headers. */
    protected Exchange call(String endpoint, Map<String, Object> parameters) {
        return template.request(endpoint, e -> parameters.forEach(e.getMessage()::setHeader));
    }

    /** The only request a server received. */
    static LoggedRequest only(WireMockExtension server) {
        org.assertj.core.api.Assertions.assertThat(server.getAllServeEvents()).hasSize(1);
        return server.getAllServeEvents().get(0).getRequest();
    }
}
