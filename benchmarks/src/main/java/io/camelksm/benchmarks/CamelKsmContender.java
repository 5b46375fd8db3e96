package io.camelksm.benchmarks;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ExchangeHelper;

import io.camelksm.access.Caller;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;

/**
 * camel-ksm: an OAUTH2_CLIENT_CREDENTIALS credential in camel-ksm's embedded database, its token from the
 * {@link OAuth2TokenProvider} with the clock skew and refresh-ahead scaled like every other time setting.
 */
public final class CamelKsmContender extends Contender {

    private static final String CREDENTIAL = "Graph";

    private final Duration clockSkew;
    private final Duration refreshAhead;
    private KsmFixture ksm;
    private OAuth2TokenProvider provider;

    /**
     * @param clockSkew    the real clock skew (camel-ksm's default: 60 s nominal)
     * @param refreshAhead the real refresh-ahead window (default: 30 s nominal)
     */
    public CamelKsmContender(Duration clockSkew, Duration refreshAhead) {
        this.clockSkew = clockSkew;
        this.refreshAhead = refreshAhead;
    }

    @Override
    public String name() {
        return "camel-ksm";
    }

    @Override
    public String settings() {
        return "clockSkew=" + clockSkew.toMillis() + " ms, refreshAhead=" + refreshAhead.toMillis()
               + " ms (real; each capped at half the remaining lifetime)";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        ksm = new KsmFixture();
        ksm.addClientCredentials(CREDENTIAL, "bench-" + run, "s3cret-" + run, apis.tokenUrl(run));
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().clockSkew(clockSkew).refreshAhead(refreshAhead)
                .build());
        String api = apis.apiUrl(run);
        CredentialName name = CredentialName.of(CREDENTIAL);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // interim until the ksm: producer handles OAuth2 credentials: the same steps it takes
                from(ENTRY).routeId("call-" + run)
                        .process(exchange -> {
                            Caller caller = new Caller(null, java.util.Set.of(), "call-" + run, KsmFixture.NODE, null);
                            Credential credential = ksm.governed().read(name, "authorize", caller,
                                    ExchangeHelper.getRouteId(exchange));
                            try {
                                exchange.getMessage().setHeader("Authorization",
                                        provider.token(credential).authorizationHeaderValue());
                            } finally {
                                credential.destroySecrets();
                            }
                        })
                        .to(api);
            }
        });
    }

    /** Token requests the provider itself counted (to cross-check the server's count). */
    public long tokensFetched() {
        return provider == null ? 0 : provider.statistics().tokensFetched();
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            if (provider != null) {
                provider.close();
            }
            if (ksm != null) {
                ksm.close();
            }
        }
    }
}
