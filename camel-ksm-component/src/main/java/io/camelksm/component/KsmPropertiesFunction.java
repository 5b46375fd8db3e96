package io.camelksm.component;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;

/**
 * The {@code {{ksm:<credential>/<field>}}} property placeholder: a field (or additional property) of a credential, read
 * through the {@code ksm} component's governed credentials, so access rights and the audit trail apply as for routes.
 * The caller is the process {@value #PROCESS} on this node, without roles: grant the credential to that process, this
 * node and role {@code *} to allow it. The name may contain slashes: the field is what follows the last one.
 * <p>
 * Placeholders are resolved once, when routes are built, and the value then lives in the route's configuration: prefer
 * {@code ksm:} endpoints for secrets, and use this for values such as user names and URLs.
 */
@org.apache.camel.spi.annotations.PropertiesFunction("ksm")
public class KsmPropertiesFunction implements PropertiesFunction, CamelContextAware {

    /** The process that property placeholders act as. */
    public static final String PROCESS = "properties";

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "ksm";
    }

    @Override
    public String apply(String remainder) {
        int slash = remainder == null ? -1 : remainder.lastIndexOf('/');
        if (slash <= 0 || slash == remainder.length() - 1) {
            throw new KsmException("Use {{ksm:<credential>/<field>}}, for example {{ksm:MyApi/username}}; got '"
                    + remainder + "'");
        }
        CredentialName name = CredentialName.of(remainder.substring(0, slash));
        return StartedKsm.forProcess(camelContext, PROCESS, "{{ksm:" + remainder + "}} was resolved", false)
                .field(name, remainder.substring(slash + 1));
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
