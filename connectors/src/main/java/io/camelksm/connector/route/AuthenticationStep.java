package io.camelksm.connector.route;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;

import io.camelksm.connector.definition.Authentication;
import io.camelksm.connector.definition.AuthenticationType;
import io.camelksm.connector.definition.ConnectorDefinition;
import io.camelksm.connector.customauth.CallSecrets;
import io.camelksm.connector.customauth.CustomAuthenticator;
import io.camelksm.connector.customauth.ExpandedAuthentication;

/**
 * The one place where a connector's route authorizes, per authentication type: nothing for {@code none}; a dynamic
 * {@code ksm:<credential>} endpoint (with the definition's OAuth 2.0 options) for basic, bearer and the oauth2-*
 * types, which checks access, audits and puts {@code Authorization} on the message; the {@link CustomAuthenticator}
 * for {@code custom}.
 */
public final class AuthenticationStep {

    private final ConnectorDefinition definition;
    private final CustomAuthenticator customAuthenticator;

    public AuthenticationStep(ConnectorDefinition definition, CustomAuthenticator customAuthenticator) {
        this.definition = definition;
        this.customAuthenticator = customAuthenticator;
    }

    /** Appends the authorization to the route, after {@link RequestPreparation} chose the credential. */
    public void addTo(ProcessorDefinition<?> route) {
        Authentication authentication = definition.authentication();
        switch (authentication.type()) {
            case NONE -> {
                // no credential, no header
            }
            case CUSTOM -> route.process(this::custom);
            case BASIC -> {
                if (authentication.preemptive()) {
                    route.toD(ksmUri(authentication));
                }
            }
            default -> route.toD(ksmUri(authentication));
        }
    }

    /**
     * Appends what follows the API call: for basic with {@code preemptive: false}, a {@code 401} with a
     * {@code WWW-Authenticate: Basic} challenge ({@link BasicChallenge}) authorizes through {@code ksm:} and sends the
     * request once more, without anything of the first answer ({@code rewrite} puts the request back on the message).
     */
    public void addAfterCall(ProcessorDefinition<?> route, Processor rewrite, String apiUri) {
        Authentication authentication = definition.authentication();
        if (authentication.type() == AuthenticationType.BASIC && !authentication.preemptive()) {
            route.filter(BasicChallenge::challenged)
                    .process(BasicChallenge::forgetAnswer)
                    .toD(ksmUri(authentication))
                    .process(rewrite)
                    .to(apiUri)
                    .end();
        }
    }

    /** The headers this step may put on the message: removed before the route replies. */
    public Set<String> headerNames() {
        Set<String> names = new LinkedHashSet<>();
        Authentication authentication = definition.authentication();
        if (authentication.type() == AuthenticationType.CUSTOM) {
            names.addAll(authentication.custom().headers().keySet());
        } else if (authentication.type() != AuthenticationType.NONE) {
            names.add("Authorization");
        }
        return names;
    }

    /**
     * {@code ksm:${exchangeProperty.<credential>}?scope=RAW(...)...}: the OAuth 2.0 options of the definition override
     * the credential's own; {@code tokenUrl} only on a host the credential's {@code allowedHosts} names (checked by
     * {@code ksm:}). {@code timeouts.authorization} is not passed (the token request's time limits are options of the
     * ksm component).
     */
    static String ksmUri(Authentication authentication) {
        StringJoiner options = new StringJoiner("&", "?", "").setEmptyValue("");
        option(options, "scope", authentication.scope());
        option(options, "audience", authentication.audience());
        option(options, "subject", authentication.subject());
        option(options, "resource", authentication.resource());
        option(options, "tokenUrl", authentication.tokenUrl());
        return "ksm:${exchangeProperty." + RequestPreparation.CREDENTIAL_PROPERTY + "}" + options;
    }

    private static void option(StringJoiner options, String name, String value) {
        if (value != null) {
            options.add(name + "=RAW(" + value + ")");
        }
    }

    private void custom(Exchange exchange) throws Exception {
        String credential = exchange.getProperty(RequestPreparation.CREDENTIAL_PROPERTY, String.class);
        ExpandedAuthentication expanded = customAuthenticator.expand(exchange, credential,
                definition.authentication().custom());
        // from here the values are the exchange's: masked wherever it is shown, wiped when the route ends
        CallSecrets.on(exchange).addAll(expanded.values());
        ApiRequest request = exchange.getProperty(ApiRequest.PROPERTY, ApiRequest.class);
        expanded.headers().forEach((name, value) -> exchange.getMessage().setHeader(name, value.reveal()));
        expanded.query().forEach((name, value) -> request.query().put(name, value.reveal()));
        expanded.body().forEach((name, value) -> request.bodyFields().put(name, value.reveal()));
    }
}
