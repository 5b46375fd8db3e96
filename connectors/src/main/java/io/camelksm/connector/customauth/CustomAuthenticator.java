package io.camelksm.connector.customauth;

import org.apache.camel.Exchange;

import io.camelksm.connector.definition.CustomAuthentication;

/**
 * Expands the templates of {@code authentication.custom} with the values of a credential, resolved and access-checked
 * through {@code ksm:} on the exchange of the call (so the decision is audited for the connector's route).
 */
public interface CustomAuthenticator {

    /**
     * @param exchange   the exchange of the action's route (its caller is the one access is checked for)
     * @param credential the credential picked for this call
     * @param templates  the definition's templates
     * @return the expanded values: secrets, for this request only
     */
    ExpandedAuthentication expand(Exchange exchange, String credential, CustomAuthentication templates)
            throws Exception;
}
