package io.camelksm.testsupport;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

import io.camelksm.component.KsmComponent;

/**
 * Base of the Camel route tests: a fresh {@link KsmTestSupport} per test, whose governed credentials the {@code ksm}
 * component (found through its META-INF service file) picks up from the registry by autowiring, on node
 * {@link KsmTestSupport#NODE}.
 */
public abstract class KsmCamelTestSupport extends CamelTestSupport {

    protected final KsmTestSupport ksm = KsmTestSupport.create();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // bound before the component is created, so that autowiring finds it
        camelContext.getRegistry().bind("governedCredentials", ksm.governed());
        camelContext.getComponent("ksm", KsmComponent.class).getCallerConfiguration().setNodeName(KsmTestSupport.NODE);
        return camelContext;
    }

    @Override
    protected void doPostTearDown() throws Exception {
        ksm.close();
        super.doPostTearDown();
    }
}
