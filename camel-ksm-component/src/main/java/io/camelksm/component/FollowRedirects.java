package io.camelksm.component;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;

/**
 * Whether an HTTP endpoint follows redirects, read through Camel's generated configurers (no compile dependency on
 * camel-http): the endpoint's {@code followRedirects}, the same option in its URI, or its component's default.
 */
final class FollowRedirects {

    private static final String OPTION = "followRedirects";

    private FollowRedirects() {
    }

    static boolean isOn(Endpoint endpoint) {
        Boolean inUri = inUri(endpoint.getEndpointUri());
        if (inUri != null) { // what the endpoint's URI says wins over the component's default, as in camel-http
            return inUri;
        }
        CamelContext context = endpoint.getCamelContext();
        if (Boolean.TRUE.equals(option(context, endpoint))) {
            return true;
        }
        Component component = endpoint instanceof org.apache.camel.support.DefaultEndpoint d ? d.getComponent() : null;
        return component != null && Boolean.TRUE.equals(option(context, component));
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

    private static Object option(CamelContext context, Object target) {
        try {
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer(target.getClass().getName(), context);
            if (configurer instanceof PropertyConfigurerGetter getter) {
                return getter.getOptionValue(target, OPTION, true);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
