package io.camelksm.component;

import java.util.Set;
import java.util.TreeSet;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

/** Checks an endpoint's options together: which apply to its operation, and which that operation requires. */
final class KsmEndpointOptionsCheck {

    private final KsmConfiguration c;

    KsmEndpointOptionsCheck(KsmConfiguration configuration) {
        this.c = configuration;
    }

    /**
     * @return the parsed credential name
     * @throws IllegalArgumentException naming the option at fault
     */
    CredentialName validate() {
        String credentialName = c.getCredentialName();
        if (credentialName == null || credentialName.isBlank()) {
            throw new IllegalArgumentException("The credential name is missing: use ksm:<credentialName>");
        }
        CredentialName name = CredentialName.of(credentialName);
        KsmOperation operation = c.getOperation();
        if (operation == null) {
            throw new IllegalArgumentException("The option operation is missing: one of authorize, get, set, setProperty");
        }
        only("field", c.getField(), KsmOperation.set);
        only("propertyName", c.getPropertyName(), KsmOperation.setProperty);
        only("scope", c.getScope(), KsmOperation.authorize);
        only("audience", c.getAudience(), KsmOperation.authorize);
        only("resource", c.getResource(), KsmOperation.authorize);
        only("subject", c.getSubject(), KsmOperation.authorize);
        only("tokenUrl", c.getTokenUrl(), KsmOperation.authorize);
        if (c.isEvictTokenOn401Given() && c.isEvictTokenOn401() && operation != KsmOperation.authorize) {
            only("evictTokenOn401", "true", KsmOperation.authorize);
        }
        switch (operation) {
            case authorize -> required("headerName", c.getHeaderName());
            case get -> required("fieldsProperty", c.getFieldsProperty());
            case set -> {
                String field = c.getField();
                if (field != null && CredentialField.byName(field).isEmpty()) {
                    throw new IllegalArgumentException("Unknown field '" + field + "' in option field; one of "
                            + fieldNames());
                }
            }
            case setProperty -> {
                required("propertyName", c.getPropertyName());
                // the property's own rules, checked with a throwaway value
                new CredentialProperty(c.getPropertyName(), Secret.of(""), c.isPropertySecret());
            }
        }
        return name;
    }

    private void only(String option, String value, KsmOperation applicable) {
        if (value != null && c.getOperation() != applicable) {
            throw new IllegalArgumentException("The option " + option + " only applies to operation=" + applicable
                    + ", not to operation=" + c.getOperation());
        }
    }

    private void required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The option " + option + " is required for operation="
                    + c.getOperation());
        }
    }

    /** The names of the credential fields, sorted, for messages. */
    static Set<String> fieldNames() {
        Set<String> names = new TreeSet<>();
        for (CredentialField f : CredentialField.values()) {
            names.add(f.fieldName());
        }
        return names;
    }
}
