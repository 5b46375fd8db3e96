package io.camelksm.component;

import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;

import io.camelksm.KsmException;
import io.camelksm.access.Caller;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

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
        String wanted = remainder.substring(slash + 1).strip();
        KsmComponent component = camelContext.getComponent("ksm", KsmComponent.class);
        GovernedCredentials governed = component.getGovernedCredentials();
        if (governed == null) {
            throw new KsmException("{{ksm:" + remainder + "}} was resolved before the ksm component started: its"
                    + " credentials are not available yet");
        }
        Caller caller = new Caller(null, Set.of(), PROCESS, component.getNodeName(), null);
        Credential credential = governed.read(name, "get", caller, null);
        try {
            Optional<CredentialField> field = CredentialField.byName(wanted).filter(credential.type()::allows);
            if (field.isPresent()) {
                CredentialField f = field.get();
                Optional<String> value = f.isSecret()
                        ? credential.secret(f).map(Secret::reveal) : credential.field(f);
                return value.orElseThrow(() -> new KsmException("Credential '" + name + "' has no " + f.fieldName()));
            }
            return credential.property(wanted).map(CredentialProperty::value).map(Secret::reveal)
                    .orElseThrow(() -> new KsmException("Credential '" + name + "' of type " + credential.type()
                            + " has no field or property '" + wanted + "'"));
        } finally {
            credential.destroySecrets();
        }
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
