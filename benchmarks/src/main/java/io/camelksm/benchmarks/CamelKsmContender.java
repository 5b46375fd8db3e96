package io.camelksm.benchmarks;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import io.camelksm.component.KsmComponent;

/**
 * camel-ksm: a route {@code to("ksm:Graph")} on an OAUTH2_CLIENT_CREDENTIALS credential kept in camel-ksm's embedded
 * database, then the API call. Each exchange is access-checked and audited; the token comes from the component's token
 * cache, with its clock skew and refresh-ahead scaled like every other time setting.
 */
public final class CamelKsmContender extends Contender {

    private static final String CREDENTIAL = "Graph";

    private final Duration clockSkew;
    private final Duration refreshAhead;
    private KsmFixture ksm;

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
        return "to(\"ksm:Graph\"), clockSkew=" + clockSkew.toMillis() + " ms, refreshAhead=" + refreshAhead.toMillis()
               + " ms (real; camel-ksm caps the skew at a quarter of the lifetime and refresh-ahead at a tenth of the rest)";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        ksm = new KsmFixture();
        ksm.addClientCredentials(CREDENTIAL, "bench-" + run, "s3cret-" + run, apis.tokenUrl(run));
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        component.setGovernedCredentials(ksm.governed());
        component.setNodeName(KsmFixture.NODE);
        component.setClockSkew(clockSkew.toMillis());
        component.setRefreshAhead(refreshAhead.toMillis());
        String api = apis.apiUrl(run);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).routeId("call-" + run).to("ksm:" + CREDENTIAL).to(api);
            }
        });
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            if (ksm != null) {
                ksm.close();
            }
        }
    }
}
