package io.camelksm.component;

import java.util.Locale;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * Whether an HTTP endpoint follows redirects, read through Camel's generated configurers (no compile dependency on
 * camel-http): the endpoint's {@code followRedirects}, the same option in its URI, or its component's default. One per
 * endpoint: its URI is read once; the endpoint's and the component's option are read at each check, so a default
 * changed while the routes run counts from the next exchange.
 */
final class FollowRedirects {

    private static final String OPTION = "followRedirects";

    private final Endpoint endpoint;
    /** What the endpoint's URI says, or null when it says nothing; the URI of an endpoint never changes. */
    private final Boolean inUri;

    FollowRedirects(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.inUri = inUri(endpoint.getEndpointUri());
    }

    boolean isOn() {
        if (inUri != null) { // what the endpoint's URI says wins over the component's default, as in camel-http
            return inUri;
        }
        Component component = endpoint instanceof org.apache.camel.support.DefaultEndpoint d ? d.getComponent() : null;
        if (component == null) {
            return false;
        }
        return Boolean.TRUE.equals(option(component.getEndpointPropertyConfigurer(), endpoint))
               || Boolean.TRUE.equals(option(component.getComponentPropertyConfigurer(), component));
    }

    private static Boolean inUri(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : uri.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).equals(OPTION)) {
                return Boolean.parseBoolean(parameter.substring(equals + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }

    private static Object option(PropertyConfigurer configurer, Object target) {
        if (configurer instanceof PropertyConfigurerGetter getter) {
            try {
                return getter.getOptionValue(target, OPTION, true);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
