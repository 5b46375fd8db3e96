package io.camelksm.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import io.camelksm.component.KsmComponent;

/**
 * camel-ksm: a route {@code to("ksm:Graph")} on an OAUTH2_CLIENT_CREDENTIALS credential kept in camel-ksm's embedded
 * database (or, with {@link Grant#JWT_BEARER}, an OAUTH2_JWT_BEARER credential with an RS256 key made for the run),
 * then the API call. Each exchange is access-checked and audited; the token comes from the component's token cache,
 * with its clock skew and refresh-ahead scaled like every other time setting.
 */
public final class CamelKsmContender extends Contender {

    /** The grant the credential uses. */
    public enum Grant {
        CLIENT_CREDENTIALS, JWT_BEARER
    }

    private static final String CREDENTIAL = "Graph";

    private final Duration clockSkew;
    private final Duration refreshAhead;
    private final Grant grant;
    private KsmFixture ksm;

    /**
     * @param clockSkew    the real clock skew (camel-ksm's default: 60 s nominal)
     * @param refreshAhead the real refresh-ahead window (default: 30 s nominal)
     */
    public CamelKsmContender(Duration clockSkew, Duration refreshAhead) {
        this(clockSkew, refreshAhead, Grant.CLIENT_CREDENTIALS);
    }

    public CamelKsmContender(Duration clockSkew, Duration refreshAhead, Grant grant) {
        this.clockSkew = clockSkew;
        this.refreshAhead = refreshAhead;
        this.grant = grant;
    }

    @Override
    public String name() {
        return grant == Grant.JWT_BEARER ? "camel-ksm jwt-bearer" : "camel-ksm";
    }

    @Override
    public String settings() {
        return "to(\"ksm:Graph\")" + (grant == Grant.JWT_BEARER ? " on a JWT bearer credential (RS256 assertion)" : "")
               + ", clockSkew=" + clockSkew.toMillis() + " ms, refreshAhead=" + refreshAhead.toMillis()
               + " ms (real; camel-ksm caps the skew at a quarter of the lifetime and refresh-ahead at a tenth of the rest)";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        ksm = new KsmFixture();
        if (grant == Grant.JWT_BEARER) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String issuer = "bench-" + run;
            apis.trustAssertions(run, (RSAPublicKey) keys.getPublic(), issuer, apis.tokenUrl(run));
            ksm.addJwtBearer(CREDENTIAL, issuer, "bot@example.com", apis.tokenUrl(run), pem(keys),
                    apis.tokenUrl(run));
        } else {
            ksm.addClientCredentials(CREDENTIAL, "bench-" + run, "s3cret-" + run, apis.tokenUrl(run));
        }
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        component.setGovernedCredentials(ksm.governed());
        component.getCallerConfiguration().setNodeName(KsmFixture.NODE);
        component.getOauth2Configuration().setClockSkew(clockSkew.toMillis());
        component.getOauth2Configuration().setRefreshAhead(refreshAhead.toMillis());
        String api = apis.apiUrl(run);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).routeId("call-" + run).to("ksm:" + CREDENTIAL).to(api);
            }
        });
    }

    /** The private key as PKCS#8 PEM, the form a JWT bearer credential keeps. */
    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
               + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPrivate().getEncoded())
               + "\n-----END PRIVATE KEY-----\n";
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
