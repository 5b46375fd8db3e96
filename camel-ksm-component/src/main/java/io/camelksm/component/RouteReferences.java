package io.camelksm.component;

import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.EndpointAware;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.RouteStartedEvent;
import org.apache.camel.spi.CamelEvent.RouteStoppedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference.Kind;
import io.camelksm.runtime.CredentialReferences;

/**
 * Registers where routes use credentials ({@link CredentialReferences}), so that {@code ksm-admin credential refs}
 * and {@code credential delete} see it: when a route starts, each {@code ksm:} endpoint it sends to (as ENDPOINT, or
 * as KAMELET when the route was made from a Kamelet); when it stops, they are marked stopped. The component starting
 * is the node starting: the rows this node left stopped at its last run go first, then its routes register anew.
 * <p>
 * A name chosen at run time ({@code toD("ksm:${header.name}")}) cannot be known when the route starts: its endpoint
 * registers the first time it serves an exchange of a route ({@link #used}). Sending to {@code ksm:} from outside
 * a route (a ProducerTemplate) registers nothing: there is no route id to list.
 * <p>
 * Listens to route events only, which Camel sends to every started notifier: it ignores every exchange event and
 * leaves Camel's event notification for exchanges as it was, so no exchange of the context creates events for it.
 */
final class RouteReferences extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReferences.class);

    private final CamelContext context;
    private final CredentialReferences references;

    private RouteReferences(CamelContext context, CredentialReferences references) {
        this.context = context;
        this.references = references;
        setIgnoreCamelContextEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeEvents(true);
        setIgnoreStepEvents(true);
    }

    /**
     * Starts the node's references (its rows left stopped at its last run go), starts listening, and registers the
     * routes that started before the component did.
     */
    static RouteReferences start(CamelContext context, CredentialReferences references) {
        references.start();
        RouteReferences listener = new RouteReferences(context, references);
        listener.setCamelContext(context);
        context.getManagementStrategy().addEventNotifier(listener);
        ServiceHelper.startService(listener);
        for (Route route : context.getRoutes()) {
            ServiceStatus status = context.getRouteController().getRouteStatus(route.getRouteId());
            if (status != null && status.isStarted()) {
                listener.registerRoute(route);
            }
        }
        return listener;
    }

    /** Stops listening (the runtime marks stopped what is still registered when it closes). */
    void stop(CamelContext context) {
        context.getManagementStrategy().removeEventNotifier(this);
        ServiceHelper.stopService(this);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof RouteStartedEvent || event instanceof RouteStoppedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof RouteStartedEvent started) {
            registerRoute(started.getRoute());
        } else if (event instanceof RouteStoppedEvent stopped) {
            references.unregisterRoute(stopped.getRoute().getRouteId());
        }
    }

    /**
     * The endpoint served an exchange of the route: registers it unless the route's start did (a name chosen at run
     * time), also as another kind (a connector's route declares its credentials, see {@link KsmRouteProperties}).
     */
    void used(KsmEndpoint endpoint, String routeId) {
        if (references.isRegistered(endpoint.getCredentialName(), routeId)) {
            return;
        }
        Route route = context.getRoute(routeId);
        register(endpoint, routeId, route != null && route.isCreatedByKamelet() ? route : null);
    }

    private void registerRoute(Route route) {
        registerDeclared(route);
        Route kamelet = route.isCreatedByKamelet() ? route : null;
        walk(route.navigate(), route.getRouteId(), kamelet);
    }

    /** The credentials a route declares in its properties ({@link KsmRouteProperties}). */
    private void registerDeclared(Route route) {
        Object names = route.getProperties().get(KsmRouteProperties.CREDENTIALS);
        if (names == null) {
            return;
        }
        Object kind = route.getProperties().get(KsmRouteProperties.REFERENCE_KIND);
        Object location = route.getProperties().get(KsmRouteProperties.REFERENCE_LOCATION);
        try {
            Kind declared = kind == null ? Kind.ENDPOINT
                    : Kind.valueOf(kind.toString().strip().toUpperCase(Locale.ROOT));
            for (String name : names.toString().split(",")) {
                if (!name.isBlank()) {
                    references.register(CredentialName.of(name), declared, location == null
                            ? "route " + route.getRouteId() : location.toString(), route.getRouteId());
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Route {} declares its credentials wrongly ({}={}, {}={}): not registered: {}", route.getRouteId(),
                    KsmRouteProperties.CREDENTIALS, names, KsmRouteProperties.REFERENCE_KIND, kind, e.getMessage());
        }
    }

    private void walk(Navigate<Processor> node, String routeId, Route kamelet) {
        List<Processor> next = node == null ? null : node.next();
        if (next == null) {
            return;
        }
        for (Processor processor : next) {
            if (processor instanceof EndpointAware aware && aware.getEndpoint() instanceof KsmEndpoint endpoint) {
                register(endpoint, routeId, kamelet);
            }
            if (processor instanceof Navigate<?> child) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> processors = (Navigate<Processor>) child;
                walk(processors, routeId, kamelet);
            }
        }
    }

    private void register(KsmEndpoint endpoint, String routeId, Route kamelet) {
        if (kamelet != null) {
            references.register(endpoint.getCredentialName(), Kind.KAMELET, kameletName(kamelet), routeId);
        } else {
            references.register(endpoint.getCredentialName(), Kind.ENDPOINT, uri(endpoint), routeId);
        }
    }

    /** ksm: URIs carry no secret option, but the user's own query might: sanitized like Camel's logs do. */
    private static String uri(Endpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    /**
     * The Kamelet a route was made from: its file name when Camel keeps source locations
     * ({@code ksm-http-sink.kamelet.yaml}); else the route id, which camel-kamelet makes {@code <kamelet>-<uuid>} unless
     * the URI names one ({@code kamelet:ksm-http-sink/myRoute}). The Route API does not give the template id.
     */
    static String kameletName(Route route) {
        String source = route.getSourceLocationShort();
        if (source != null) {
            String file = source.substring(source.lastIndexOf('/') + 1);
            int end = file.indexOf(".kamelet.");
            if (end > 0) {
                return "kamelet " + file.substring(0, end);
            }
        }
        return "kamelet route " + route.getRouteId();
    }
}
