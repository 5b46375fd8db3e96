package io.camelksm.component;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import io.camelksm.credential.CredentialName;

/**
 * Governed credentials for routes: checks the caller against the credential's access rights, audits the decision and
 * puts an authentication header (or the credential's fields) on the message, or writes a new value.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ksm", title = "KSM", syntax = "ksm:credentialName",
             producerOnly = true, category = { Category.SECURITY }, headersClass = KsmConstants.class)
public class KsmEndpoint extends DefaultEndpoint {

    @UriParam
    private final KsmConfiguration configuration;

    private CredentialName credentialName;

    public KsmEndpoint(String uri, KsmComponent component, KsmConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new KsmProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The ksm component only sends (producer), it cannot consume: "
                + getEndpointUri());
    }

    @Override
    public KsmComponent getComponent() {
        return (KsmComponent) super.getComponent();
    }

    public KsmConfiguration getConfiguration() {
        return configuration;
    }

    /** The validated credential name; set when the endpoint is created. */
    public CredentialName getCredentialName() {
        if (credentialName == null) {
            credentialName = configuration.validate();
        }
        return credentialName;
    }

    /** Checks the options together; called by the component once the URI options are set. */
    void validate() {
        credentialName = configuration.validate();
    }
}
