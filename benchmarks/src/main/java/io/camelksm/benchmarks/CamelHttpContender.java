package io.camelksm.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Baseline: camel-http's own OAuth2 client credentials options with its token cache on
 * ({@code oauth2ClientId}, {@code oauth2ClientSecret}, {@code oauth2TokenEndpoint}, {@code oauth2CacheTokens=true},
 * {@code oauth2CachedTokensExpirationMarginSeconds}). camel-http keeps its cache in a static map keyed by the request
 * URI (query included) and client; each run has its own URI, so runs do not share tokens.
 *
 * <p>With several nodes, the route hands the exchanges to the nodes in turn, and node {@code i} calls the API as
 * {@code /api/<run>?node=<i>}: in one JVM that keeps the nodes' caches apart as separate JVMs would keep them (the
 * checker ignores the query).
 */
public final class CamelHttpContender extends Contender {

    private final long marginSeconds;
    private final int nodes;

    /** @param marginSeconds the real expiration margin in whole seconds */
    public CamelHttpContender(long marginSeconds) {
        this(marginSeconds, 1);
    }

    /** @param nodes how many nodes, each with its own token cache, share the load */
    public CamelHttpContender(long marginSeconds, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
        }
        this.marginSeconds = marginSeconds;
        this.nodes = nodes;
    }

    @Override
    public String name() {
        return nodes == 1 ? "camel-http" : "camel-http " + nodes + " nodes";
    }

    @Override
    public String settings() {
        return "oauth2CacheTokens=true, oauth2CachedTokensExpirationMarginSeconds=" + marginSeconds + " (real)";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        String options = "oauth2ClientId=bench-" + run + "&oauth2ClientSecret=RAW(s3cret-" + run + ")"
                         + "&oauth2TokenEndpoint=RAW(" + apis.tokenUrl(run) + ")&oauth2CacheTokens=true"
                         + "&oauth2CachedTokensExpirationMarginSeconds=" + marginSeconds;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (nodes == 1) {
                    from(ENTRY).routeId("call-" + run).to(apis.apiUrl(run) + "?" + options);
                    return;
                }
                String[] entries = new String[nodes];
                for (int i = 1; i <= nodes; i++) {
                    entries[i - 1] = "direct:node-" + i;
                    from(entries[i - 1]).routeId("node-" + i + "-" + run)
                            .to(apis.apiUrl(run) + "?node=" + i + "&" + options);
                }
                from(ENTRY).routeId("call-" + run).loadBalance().roundRobin().to(entries);
            }
        });
    }
}
