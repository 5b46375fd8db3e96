package io.camelksm.examples.httpbasic;

import java.util.Set;

import javax.security.auth.Subject;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.camelksm.component.RolePrincipal;

/**
 * The integration: who calls is established by the route itself (a trusted source), {@code ksm:} checks that this
 * caller may use the credential and puts the {@code Authorization} header on the message, the HTTP call uses it.
 */
public final class ExampleRoute extends RouteBuilder {

    public static final String ENTRY = "direct:callApi";

    private final String apiUrl;

    public ExampleRoute(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    @Override
    public void configure() {
        from(ENTRY).routeId(HttpBasicAuthExample.ROUTE_ID)
                // the route authenticates its caller itself: a real Subject object, which an inbound request could
                // never bring (text in a CamelAuthentication header is ignored by ksm:)
                .process(exchange -> exchange.getMessage().setHeader(Exchange.AUTHENTICATION, apiCaller()))
                .to("ksm:" + HttpBasicAuthExample.CREDENTIAL)
                .to(apiUrl)
                .convertBodyTo(String.class);
    }

    /** The caller's role as a RolePrincipal: only principals of role classes are roles, never a user's name. */
    private static Subject apiCaller() {
        return new Subject(true, Set.of(new RolePrincipal(HttpBasicAuthExample.ROLE)), Set.of(), Set.of());
    }
}
