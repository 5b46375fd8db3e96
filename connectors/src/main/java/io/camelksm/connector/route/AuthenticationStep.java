package io.camelksm.connector.route;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;

import io.camelksm.connector.definition.Authentication;
import io.camelksm.connector.definition.AuthenticationType;
import io.camelksm.connector.definition.ConnectorDefinition;
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
     * {@code WWW-Authenticate: Basic} challenge authorizes through {@code ksm:} and sends the request once more
     * ({@code resend} puts the request back on the message and calls the API).
     */
    public void addAfterCall(ProcessorDefinition<?> route, Processor rewrite, String apiUri) {
        Authentication authentication = definition.authentication();
        if (authentication.type() == AuthenticationType.BASIC && !authentication.preemptive()) {
            route.filter(AuthenticationStep::isBasicChallenge)
                    .toD(ksmUri(authentication))
                    .process(rewrite)
                    .to(apiUri)
                    .end();
        }
    }

    private static boolean isBasicChallenge(Exchange exchange) {
        Message message = exchange.getMessage();
        String challenge = message.getHeader("WWW-Authenticate", String.class);
        return message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) == 401 && challenge != null
                && challenge.regionMatches(true, 0, "Basic", 0, 5);
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
     * the credential's own. {@code tokenUrl} is not passed yet (the ksm: endpoint has no such option at this point),
     * nor {@code timeouts.authorization} (the token request's time limits are options of the ksm component).
     */
    static String ksmUri(Authentication authentication) {
        StringJoiner options = new StringJoiner("&", "?", "").setEmptyValue("");
        option(options, "scope", authentication.scope());
        option(options, "audience", authentication.audience());
        option(options, "subject", authentication.subject());
        option(options, "resource", authentication.resource());
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
        ApiRequest request = exchange.getProperty(ApiRequest.PROPERTY, ApiRequest.class);
        expanded.headers().forEach(exchange.getMessage()::setHeader);
        request.query().putAll(expanded.query());
        request.bodyFields().putAll(expanded.body());
    }
}
