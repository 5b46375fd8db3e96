package io.camelksm.examples.springboot;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.camelksm.access.KsmAccessDeniedException;

/**
 * {@code GET /hello}: who calls is the user Spring Security logged in; {@code ksm:HelloApi} checks that this user's
 * roles, this route and this node may use the credential, fetches an access token (cached until it expires) and sets
 * {@code Authorization: Bearer ...}; the route then calls the API with it.
 */
@Component
public class ExampleRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "call-hello-api";
    public static final String CREDENTIAL = "HelloApi";
    static final String DENIED = "You may not call the API: ask an operator for the role "
                                 + SecurityConfiguration.API_CALLER + "\n";

    private final Environment environment;

    public ExampleRoutes(Environment environment) {
        this.environment = environment;
    }

    /** The API of this application, on loopback. */
    public String apiUrl() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + "/api/hello";
    }

    @Override
    public void configure() {
        onException(KsmAccessDeniedException.class).handled(true)
                .removeHeaders("*")
                .setHeader("CamelHttpResponseCode", constant(403))
                .setBody(exchange -> DENIED); // not constant(): Camel trims the constant language's newline

        from("platform-http:/hello?httpMethodRestrict=GET").routeId(ROUTE_ID)
                .to("ksm:" + CREDENTIAL)
                // nothing of the inbound request goes on to the API but the header ksm: set
                .removeHeaders("*", "Authorization")
                // this application's own port is known only once its web server runs: set per exchange
                .setHeader(Exchange.HTTP_URI, method(this, "apiUrl"))
                .to("http://localhost/api/hello")
                .removeHeaders("*")
                .convertBodyTo(String.class)
                .transform(body().append("\n")); // for curl
    }
}
