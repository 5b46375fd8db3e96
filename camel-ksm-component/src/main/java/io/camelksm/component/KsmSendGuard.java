package io.camelksm.component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spi.InterceptSendToEndpoint;
import org.apache.camel.support.DefaultInterceptSendToEndpoint;
import org.apache.camel.support.ExchangeHelper;

import io.camelksm.credential.SendTargets;

/**
 * Where a bound credential's header leaves the route: every endpoint that can send outside the process is wrapped (as
 * Camel's {@code interceptSendToEndpoint} wraps them) so that, before its producer runs, an exchange that still
 * carries the header {@code ksm:} put there for a credential with {@code sendTo} is checked:
 * <ul>
 * <li>an HTTP endpoint: its URI, {@code CamelHttpUri} and {@code CamelHttpPath} must all be within the targets, and it
 * must not follow redirects (a redirect could carry the header to another host);</li>
 * <li>any other endpoint that is not in-process (JMS, Kafka, mail, ...): refused, the header would travel with the
 * message.</li>
 * </ul>
 * A refusal is audited as a DENY naming the host ({@code GovernedCredentials.refuseSend}) and fails the exchange with
 * {@link io.camelksm.access.KsmSendRefusedException} before anything is sent. Exchanges without a bound credential's
 * header pass untouched. One instance per context, registered as an endpoint callback by {@link KsmSendGuardPlugin}
 * when the context is built (before any route makes its endpoints) and again by the component.
 */
public final class KsmSendGuard implements EndpointStrategy {

    /**
     * Endpoints Camel itself calls local ({@code Endpoint.isRemote()} false: direct, seda, log, mock, bean, ...) are not
     * wrapped; nor these, which keep the default but hand the message to other routes (whose endpoints are guarded) or
     * only consume.
     */
    private static final Set<String> IN_PROCESS = Set.of("ksm", "kamelet", "platform-http", "rest-api");

    private KsmSendGuard() {
    }

    /** The context's guard, registered once. */
    static KsmSendGuard install(CamelContext context) {
        KsmSendGuard guard = context.getCamelContextExtension().getContextPlugin(KsmSendGuard.class);
        if (guard == null) {
            guard = new KsmSendGuard();
            context.getCamelContextExtension().addContextPlugin(KsmSendGuard.class, guard);
            context.getCamelContextExtension().registerEndpointCallback(guard);
        }
        return guard;
    }

    /** Whether the context has its guard. */
    static boolean installedIn(CamelContext context) {
        return context.getCamelContextExtension().getContextPlugin(KsmSendGuard.class) != null;
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof InterceptSendToEndpoint wrapped && wrapped.getBefore() instanceof Check) {
            return endpoint;
        }
        if (!endpoint.isRemote() || IN_PROCESS.contains(schemeOf(endpoint))) {
            return endpoint;
        }
        DefaultInterceptSendToEndpoint guarded = new DefaultInterceptSendToEndpoint(endpoint, false);
        guarded.setBefore(new Check(endpoint));
        return guarded;
    }

    private static String schemeOf(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * The check before one endpoint's producer. What depends on the endpoint alone is worked out once: its base URL,
     * what its URI says about redirects, and the decision on the base URL for the targets last checked (the targets of
     * a credential are one object while its sendTo is unchanged, see {@link ParsedSendTargets}).
     */
    private static final class Check implements Processor {

        private final Endpoint endpoint;
        private final Optional<String> baseUrl;
        private final FollowRedirects followRedirects;
        private volatile BaseDecision lastBaseDecision;

        Check(Endpoint endpoint) {
            this.endpoint = endpoint;
            this.baseUrl = OutgoingUrls.baseUrl(endpoint);
            this.followRedirects = new FollowRedirects(endpoint);
        }

        @Override
        public void process(Exchange exchange) {
            List<SentCredential> bound = SentCredential.of(exchange);
            if (bound.isEmpty()) {
                return;
            }
            Message message = exchange.getMessage();
            for (SentCredential sent : bound) {
                if (!sent.isOn(message)) {
                    continue;
                }
                Optional<SendTargets.Refusal> refusal = refusal(sent, exchange);
                if (refusal.isPresent()) {
                    exchange.setException(sent.governed().refuseSend(sent.name(), "send", sent.caller(),
                            ExchangeHelper.getRouteId(exchange), refusal.get()));
                    return;
                }
            }
        }

        private Optional<SendTargets.Refusal> refusal(SentCredential sent, Exchange exchange) {
            if (baseUrl.isEmpty()) {
                return Optional.of(new SendTargets.Refusal(OutgoingUrls.hostOrScheme(endpoint),
                        "endpoint '" + schemeOf(endpoint) + ":' is not an HTTP endpoint and the exchange still"
                        + " carries " + sent.where() + "; remove it before sending elsewhere"));
            }
            Optional<SendTargets.Refusal> refusal = baseRefusal(sent.targets());
            if (refusal.isPresent()) {
                return refusal;
            }
            for (String url : OutgoingUrls.fromMessage(baseUrl.get(), exchange)) {
                refusal = sent.targets().refusal(url);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            if (followRedirects.isOn()) {
                return Optional.of(new SendTargets.Refusal(OutgoingUrls.hostOrScheme(endpoint),
                        "the endpoint follows redirects (followRedirects=true), which could carry " + sent.where()
                        + " to another host"));
            }
            return Optional.empty();
        }

        /** The targets' decision on the endpoint's own URL: both are immutable, so it is made once per targets. */
        private Optional<SendTargets.Refusal> baseRefusal(SendTargets targets) {
            BaseDecision last = lastBaseDecision;
            if (last != null && last.targets() == targets) {
                return last.refusal();
            }
            Optional<SendTargets.Refusal> refusal = targets.refusal(baseUrl.get());
            lastBaseDecision = new BaseDecision(targets, refusal);
            return refusal;
        }

        @Override
        public String toString() {
            return "ksm send guard";
        }
    }

    /** The decision on an endpoint's base URL for one targets object (compared by reference). */
    private record BaseDecision(SendTargets targets, Optional<SendTargets.Refusal> refusal) {
    }
}
