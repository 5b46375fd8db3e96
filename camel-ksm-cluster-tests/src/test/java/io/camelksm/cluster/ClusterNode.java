package io.camelksm.cluster;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;

import io.camelksm.component.KsmComponent;
import io.camelksm.component.KsmComponentConfigurer;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * One node: a CamelContext of its own with its own {@code ksm} component, so its own KsmRuntime, connection pool,
 * listening connection, credential cache, token cache and audit journal. The options are set by their names, through
 * the component's generated configurer, as a properties file or {@code camel.component.ksm.*} would set them.
 */
final class ClusterNode implements AutoCloseable {

    private final String name;
    private final CamelContext context;
    private final KsmComponent component;
    private final ProducerTemplate template;

    private ClusterNode(String name, CamelContext context, KsmComponent component) {
        this.name = name;
        this.context = context;
        this.component = component;
        this.template = context.createProducerTemplate();
    }

    static ClusterNode start(String name, Map<String, String> options, RoutesBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        KsmComponent component = new KsmComponent();
        context.addComponent("ksm", component);
        KsmComponentConfigurer configurer = new KsmComponentConfigurer();
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!configurer.configure(context, component, option.getKey(), option.getValue(), true)) {
                throw new IllegalArgumentException("The ksm component has no option " + option.getKey());
            }
        }
        context.addRoutes(routes);
        try {
            context.start();
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
        return new ClusterNode(name, context, component);
    }

    String name() {
        return name;
    }

    /** Sends an empty message to the endpoint; the outcome (or exception) is on the returned exchange. */
    Exchange send(String uri) {
        return template.send(uri, e -> { });
    }

    KsmComponent component() {
        return component;
    }

    KsmRuntime runtime() {
        return component.runtime();
    }

    ChangeNoticeHealth changeNotices() {
        return component.runtime().changeNoticeHealth();
    }

    /** The Camel health check of the given id, called now; empty when it is not registered. */
    Optional<HealthCheck.Result> health(String id) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        return registry == null ? Optional.empty() : registry.getCheck(id).map(HealthCheck::call);
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
