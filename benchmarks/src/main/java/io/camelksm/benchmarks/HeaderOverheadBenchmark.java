package io.camelksm.benchmarks;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.camelksm.access.Caller;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.audit.JournalAuditTrail;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * Benchmark 3: the cost of one exchange that gets its bearer header from {@code ksm:} with a cached token, against a
 * route that sets the same header with {@code setHeader(constant(...))}. Neither calls an API, so the difference is
 * what camel-ksm adds per exchange: the access check, the credential read from its embedded database, the audit record
 * (with the default {@code auditMode=journal}: appended to the journal file before the exchange goes on) and the token
 * cache lookup.
 *
 * <p>Variants and diagnostics: {@link #ksmAuthorizeSummaryAudit()} is the same route with {@code auditMode=summary};
 * {@link #ksmAuthorizeAsyncAudit()} with {@code auditMode=async} (the default before the journal);
 * {@link #constantComponent()} is the floor any component call has in Camel; {@link #auditFloorComponent()} the floor
 * under a component that audits each exchange and hands its token to the route; {@link #ksmAuthorizeUnaudited()}
 * discards the audit events; {@link #governedUseOnly()} is the access check, lease and audit event alone (no Camel, no token);
 * {@link #tokenCacheOnly()} the token cache lookup alone (no database).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HeaderOverheadBenchmark {

    static final String CREDENTIAL = "Graph";
    static final String SUMMARY_ROUTE = "ksm-header-summary";

    private LoopbackApis apis;
    private KsmFixture ksm;
    private CamelContext context;
    private ProducerTemplate template;
    private Endpoint ksmRoute;
    private Endpoint constantRoute;
    private Endpoint constantComponentRoute;
    private Endpoint auditFloorRoute;
    private Endpoint unauditedRoute;
    private Endpoint summaryRoute;
    private Endpoint asyncRoute;
    private Endpoint defaultJournalRoute;
    /**
     * The journal of {@link #ksmAuthorize()}: the component's default in all but its size, which holds what a fork sends
     * back to back (about 2.5 GB in 20 s), so that the fork measures what recording costs the exchange, not how fast the
     * database writer drains (see {@link #ksmAuthorizeDefaultJournal()} for that).
     */
    static final long ROOMY_JOURNAL = 8L << 30;
    private JournalAuditTrail roomyJournal;
    private JournalAuditTrail journalOnly;
    private Endpoint journalOnlyRoute;
    private long journalOnlyExchanges;
    /** Exchanges sent to the journaled routes, and the default journal's count before them. */
    private long ksmExchanges;
    private long defaultJournalExchanges;
    private long journaledBefore;
    private GovernedCredentials summaryAudited;
    /** Exchanges sent to the summary route, to check afterwards that each one was audited. */
    private long summaryExchanges;
    private GovernedCredentials unaudited;
    private OAuth2TokenProvider provider;
    private Credential inMemoryCredential;
    private final CredentialName name = CredentialName.of(CREDENTIAL);
    private final Caller caller = new Caller(null, Set.of(), "ksm-header", KsmFixture.NODE, null);

    @Setup(Level.Trial)
    public void start() throws Exception {
        // tokens live an hour: every exchange of the measurement finds the token cached
        apis = new LoopbackApis(3600, Duration.ZERO, 16);
        ksm = new KsmFixture();
        ksm.addClientCredentials(CREDENTIAL, "bench-jmh", "s3cret-jmh", apis.tokenUrl("jmh"));
        context = new DefaultCamelContext();
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        roomyJournal = ksm.journal("audit-journal-roomy", ROOMY_JOURNAL);
        component.setGovernedCredentials(ksm.governedWith(roomyJournal));
        component.getCallerConfiguration().setNodeName(KsmFixture.NODE);
        // the exact component defaults (a 1 GiB journal): once it is full, exchanges go at the database writer's pace
        addKsmComponent("ksmdefault", ksm.governed());
        // the diagnostic: journaled, but the journal's writer hands the events to nothing (no database work)
        journalOnly = ksm.journalWithoutDatabase("audit-journal-only");
        addKsmComponent("ksmjournalonly", ksm.governedWith(journalOnly));
        // the diagnostic: the same route on a component whose audit events are discarded, sharing the token provider
        unaudited = ksm.governedWithoutAudit();
        addKsmComponent("ksmunaudited", unaudited);
        // the same route on a component audited as auditMode=summary wires it, sharing database and credentials
        summaryAudited = ksm.governedWithSummaryAudit();
        addKsmComponent("ksmsummary", summaryAudited);
        // the former default, auditMode=async, as a diagnostic
        addKsmComponent("ksmasync", ksm.governedWithAsyncAudit());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ksm").routeId("ksm-header").to("ksm:" + CREDENTIAL);
                from("direct:ksm-unaudited").routeId("ksm-header-unaudited").to("ksmunaudited:" + CREDENTIAL);
                from("direct:ksm-summary").routeId(SUMMARY_ROUTE).to("ksmsummary:" + CREDENTIAL);
                from("direct:ksm-async").routeId("ksm-header-async").to("ksmasync:" + CREDENTIAL);
                from("direct:ksm-default").routeId("ksm-header-default").to("ksmdefault:" + CREDENTIAL);
                from("direct:ksm-journal-only").routeId("ksm-header-journal-only").to("ksmjournalonly:" + CREDENTIAL);
            }
        });
        context.start();
        template = context.createProducerTemplate();
        ksmRoute = context.getEndpoint("direct:ksm");
        unauditedRoute = context.getEndpoint("direct:ksm-unaudited");
        authorization(unauditedRoute); // its component has its own token provider: fetch its token in the setup
        summaryRoute = context.getEndpoint("direct:ksm-summary");
        authorization(summaryRoute); // the same for the summary-audited component
        summaryExchanges = 1;
        asyncRoute = context.getEndpoint("direct:ksm-async");
        authorization(asyncRoute);
        journaledBefore = ksm.journaled();
        defaultJournalRoute = context.getEndpoint("direct:ksm-default");
        authorization(defaultJournalRoute);
        defaultJournalExchanges = 1;
        journalOnlyRoute = context.getEndpoint("direct:ksm-journal-only");
        authorization(journalOnlyRoute);
        journalOnlyExchanges = 1;
        // the constant route sets exactly the header ksm: sets (fetching the token once)
        String header = (String) template.send(ksmRoute, e -> { }).getMessage().getHeader("Authorization");
        ksmExchanges = 1;
        if (header == null || !header.startsWith("Bearer ")) {
            throw new IllegalStateException("ksm:" + CREDENTIAL + " did not set a bearer Authorization header");
        }
        context.addComponent("constant-header", new ConstantHeaderComponent("Authorization", header));
        context.addComponent("audit-floor", ConstantHeaderComponent.auditFloor("Authorization", header));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:constant").routeId("constant-header").setHeader("Authorization", constant(header));
                from("direct:constant-component").routeId("constant-component").to("constant-header:x");
                from("direct:audit-floor").routeId("audit-floor").to("audit-floor:x");
            }
        });
        constantRoute = context.getEndpoint("direct:constant");
        constantComponentRoute = context.getEndpoint("direct:constant-component");
        auditFloorRoute = context.getEndpoint("direct:audit-floor");
        // the diagnostics: a provider of their own with the credential held in memory, its token fetched once here
        provider = OAuth2TokenProvider.create(OAuth2Settings.defaults());
        inMemoryCredential = Credential.builder(CREDENTIAL, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "bench-jmh").secret(CredentialField.CLIENT_SECRET,
                        Secret.of("s3cret-jmh")).field(CredentialField.TOKEN_URL, apis.tokenUrl("jmh")).build();
        provider.token(inMemoryCredential);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        long tokenRequests = apis.counters("jmh").tokenRequests();
        checkJournaled("ksmAuthorize", ksmExchanges, roomyJournal.journal().lastAppended(), roomyJournal.pending());
        checkJournaled("ksmAuthorizeDefaultJournal", defaultJournalExchanges, ksm.journaled() - journaledBefore, -1);
        checkJournaled("ksmAuthorizeJournalOnly", journalOnlyExchanges, journalOnly.journal().lastAppended(), -1);
        provider.close();
        context.close();
        unaudited.close();
        summaryAudited.close();
        ksm.closeSummaryAudits(); // writes what is still queued
        long audited = ksm.auditedDecisions(SUMMARY_ROUTE);
        if (audited != summaryExchanges) {
            throw new IllegalStateException("auditMode=summary must account for every decision: " + summaryExchanges
                    + " exchanges, " + audited + " audited");
        }
        ksm.close();
        apis.close();
        if (tokenRequests != 7) {
            throw new IllegalStateException("expected the seven token requests of the setup (ksm:, the default-journal,"
                    + " journal-only, summary-audited and async-audited routes, the unaudited diagnostic route and the"
                    + " diagnostic provider), saw " + tokenRequests);
        }
    }

    /** A ksm: component of its own under that scheme, on the given governed credentials. */
    private void addKsmComponent(String scheme, GovernedCredentials governed) {
        KsmComponent component = new KsmComponent();
        component.setGovernedCredentials(governed);
        component.getCallerConfiguration().setNodeName(KsmFixture.NODE);
        context.addComponent(scheme, component);
    }

    /** Every decision must be in the journal: the count it numbered equals the exchanges sent. */
    private static void checkJournaled(String benchmark, long exchanges, long journaled, long pending) {
        System.out.printf("%n[journal] %s: %d exchanges, %d decisions journaled before their exchange went on%s%n",
                benchmark, exchanges, journaled, pending < 0 ? "" : "; " + pending + " not yet in the database when"
                                                                    + " the fork ended");
        if (journaled != exchanges) {
            throw new IllegalStateException(benchmark + ": auditMode=journal must journal every decision: " + exchanges
                    + " exchanges, " + journaled + " journaled");
        }
    }

    /**
     * The component defaults (auditMode=journal: each decision in the journal file before the header is set), with a
     * journal that holds a whole fork ({@link #ROOMY_JOURNAL}).
     */
    @Benchmark
    public Object ksmAuthorize() {
        ksmExchanges++;
        return authorization(ksmRoute);
    }

    /**
     * Diagnostic: journaled like {@link #ksmAuthorize()}, but the journal's writer hands the events to nothing: the
     * append without the database writer's work beside it.
     */
    @Benchmark
    public Object ksmAuthorizeJournalOnly() {
        journalOnlyExchanges++;
        return authorization(journalOnlyRoute);
    }

    /**
     * Diagnostic: the exact component defaults (1 GiB journal). Sending back to back, a thread fills it in about ten
     * seconds, and from then on goes at the database writer's pace.
     */
    @Benchmark
    public Object ksmAuthorizeDefaultJournal() {
        defaultJournalExchanges++;
        return authorization(defaultJournalRoute);
    }

    /** Diagnostic: auditMode=async, the default before the journal (queued in memory, lost if the JVM dies). */
    @Benchmark
    public Object ksmAuthorizeAsyncAudit() {
        return authorization(asyncRoute);
    }

    /** ksmAuthorize on a component with auditMode=summary: identical granted reads queued together share one entry. */
    @Benchmark
    public Object ksmAuthorizeSummaryAudit() {
        summaryExchanges++;
        return authorization(summaryRoute);
    }

    /** Diagnostic: ksmAuthorize without the audit record (never a configuration camel-ksm offers). */
    @Benchmark
    public Object ksmAuthorizeUnaudited() {
        return authorization(unauditedRoute);
    }

    @Benchmark
    public Object constantHeader() {
        return authorization(constantRoute);
    }

    /** Diagnostic: a component that sets the same header constant; what Camel costs for any {@code to(...)}. */
    @Benchmark
    public Object constantComponent() {
        return authorization(constantComponentRoute);
    }

    /**
     * Diagnostic: a component that does the Camel work {@code ksm:} does besides its own checks (exchange id, route id,
     * two headers, the token property); the floor under any component that audits each exchange.
     */
    @Benchmark
    public Object auditFloorComponent() {
        return authorization(auditFloorRoute);
    }

    /** Diagnostic: the access check, lease and audit record of {@code authorize}, without Camel and without a token. */
    @Benchmark
    public Object governedUseOnly() {
        return summaryAudited.use(name, "authorize", caller, "ksm-header", Credential::type);
    }

    @Benchmark
    public Object tokenCacheOnly() {
        return provider.token(inMemoryCredential).authorizationHeaderValue();
    }

    /** The header the route set; a failed exchange ends the benchmark rather than being measured. */
    private Object authorization(Endpoint route) {
        Exchange exchange = template.send(route, e -> { });
        if (exchange.getException() != null) {
            throw new IllegalStateException("exchange failed", exchange.getException());
        }
        return exchange.getMessage().getHeader("Authorization");
    }
}
