package io.camelksm.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Baseline: camel-http's own OAuth2 client credentials options with its token cache on
 * ({@code oauth2ClientId}, {@code oauth2ClientSecret}, {@code oauth2TokenEndpoint}, {@code oauth2CacheTokens=true},
 * {@code oauth2CachedTokensExpirationMarginSeconds}). camel-http keeps its cache in a static map keyed by the API URI
 * and client; each run has its own URI, so runs do not share tokens.
 */
public final class CamelHttpContender extends Contender {

    private final long marginSeconds;

    /** @param marginSeconds the real expiration margin in whole seconds */
    public CamelHttpContender(long marginSeconds) {
        this.marginSeconds = marginSeconds;
    }

    @Override
    public String name() {
        return "camel-http";
    }

    @Override
    public String settings() {
        return "oauth2CacheTokens=true, oauth2CachedTokensExpirationMarginSeconds=" + marginSeconds + " (real)";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        String uri = apis.apiUrl(run) + "?oauth2ClientId=bench-" + run + "&oauth2ClientSecret=RAW(s3cret-" + run + ")"
                     + "&oauth2TokenEndpoint=RAW(" + apis.tokenUrl(run) + ")&oauth2CacheTokens=true"
                     + "&oauth2CachedTokensExpirationMarginSeconds=" + marginSeconds;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).routeId("call-" + run).to(uri);
            }
        });
    }
}
