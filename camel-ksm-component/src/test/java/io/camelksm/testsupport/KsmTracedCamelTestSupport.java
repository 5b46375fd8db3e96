package io.camelksm.testsupport;

import org.apache.camel.CamelContext;

/**
 * Base of the route tests that look for secrets in logs: tracing, message history and Camel's log mask are on, so
 * every place that could print a message or its headers does.
 */
public abstract class KsmTracedCamelTestSupport extends KsmCamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.setTracing(true);
        camelContext.setMessageHistory(true);
        camelContext.setLogMask(true);
        return camelContext;
    }
}
