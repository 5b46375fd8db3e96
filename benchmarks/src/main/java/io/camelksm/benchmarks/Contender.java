package io.camelksm.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One OAuth2 client under test, inside its own CamelContext: a route {@code direct:call} that gets a bearer token its
 * way and calls the loopback API through camel-http, so every contender pays for the same downstream transport and only
 * the token handling differs. A contender is used for one run, so no cache outlives it.
 */
public abstract class Contender implements AutoCloseable {

    /** The route every driver sends its exchanges to. */
    public static final String ENTRY = "direct:call";

    private CamelContext context;
    private ProducerTemplate template;

    /** Short name for the tables. */
    public abstract String name();

    /** A run name for this contender that is safe in a URL path: {@code prefix-name}, lower case letters and digits. */
    public String runName(String prefix) {
        return prefix + "-" + name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The settings that govern its token reuse, as they apply in this run. */
    public abstract String settings();

    /** Adds the route {@link #ENTRY} (and whatever it needs) to the context before it starts. */
    protected abstract void configure(CamelContext context, LoopbackApis apis, String run) throws Exception;

    /**
     * Starts the contender against the run's token endpoint and API.
     *
     * @param connections connections camel-http may open to the API at once (at least the concurrency of the driver,
     *                    so nobody queues for a pooled connection)
     */
    public final void start(LoopbackApis apis, String run, int connections) throws Exception {
        context = new DefaultCamelContext();
        HttpComponent http = context.getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(connections * 2);
        http.setConnectionsPerRoute(connections);
        configure(context, apis, run);
        context.start();
        template = context.createProducerTemplate();
    }

    /** One exchange through the route; throws when the API refused it. */
    public final void call() {
        template.requestBody(ENTRY, (Object) null);
    }

    protected CamelContext context() {
        return context;
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
