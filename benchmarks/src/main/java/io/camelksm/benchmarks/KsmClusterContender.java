package io.camelksm.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import io.camelksm.access.Dimension;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.TokenProviderStatistics;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.component.KsmComponent;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.TokenSharing;

/**
 * camel-ksm on several nodes of one PostgreSQL schema: each node is a {@link KsmRuntime} of its own (connection pool,
 * change-notice listener, token provider and cache, with the given {@code tokenSharing}) behind a {@code ksm} component
 * of its own ({@code ksm1}, {@code ksm2}, ...). The route {@code direct:call} hands the exchanges to the nodes in turn
 * ({@code direct:node-<i>} → {@code ksm<i>:Graph} → the API), so every node serves a share of the load. The nodes share
 * one CamelContext only for the driver's convenience: what decides token reuse (runtime, pool, cache, provider) is per
 * node, and nothing couples them but the database.
 */
public final class KsmClusterContender extends Contender {

    private static final String CREDENTIAL = "Graph";

    private final String serverUrl;
    private final int nodes;
    private final TokenSharing sharing;
    private final OAuth2Settings oauth2;
    private final List<KsmRuntime> runtimes = new ArrayList<>();
    private ClusterDatabase cluster;
    private volatile List<TokenProviderStatistics> closedStatistics;

    /**
     * @param serverUrl the PostgreSQL server (a schema of its own is made for the run)
     * @param oauth2    every node's token settings (clock skew, refresh-ahead)
     */
    public KsmClusterContender(String serverUrl, int nodes, TokenSharing sharing, OAuth2Settings oauth2) {
        this.serverUrl = serverUrl;
        this.nodes = nodes;
        this.sharing = sharing;
        this.oauth2 = oauth2;
    }

    @Override
    public String name() {
        return "camel-ksm " + nodes + (nodes == 1 ? " node" : " nodes") + " tokenSharing=" + sharing.option();
    }

    @Override
    public String settings() {
        return "to(\"ksmN:Graph\") on " + nodes + " runtime(s) on one PostgreSQL schema, changeNotices=true, clockSkew="
               + oauth2.clockSkew().toMillis() + " ms, refreshAhead=" + oauth2.refreshAhead().toMillis() + " ms";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        cluster = new ClusterDatabase(serverUrl);
        GovernedCredentials admin = cluster.admin();
        admin.create(Credential.builder(CREDENTIAL, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "bench-" + run)
                .secret(CredentialField.CLIENT_SECRET, Secret.of("s3cret-" + run))
                .field(CredentialField.TOKEN_URL, apis.tokenUrl(run)).build(), ClusterDatabase.ADMIN);
        for (Dimension dimension : Dimension.values()) {
            admin.grant(CredentialName.of(CREDENTIAL), dimension, "*", ClusterDatabase.ADMIN);
        }
        String[] entries = new String[nodes];
        for (int i = 1; i <= nodes; i++) {
            String node = "bench-node-" + i;
            KsmRuntime runtime = cluster.openNode(node, true, KsmSettings.DEFAULT_CACHE_TTL, sharing, oauth2);
            runtimes.add(runtime);
            KsmComponent component = new KsmComponent();
            component.setGovernedCredentials(runtime.credentials());
            component.setOauth2TokenProvider(runtime.tokenProvider());
            component.getCallerConfiguration().setNodeName(node);
            context.addComponent("ksm" + i, component);
            entries[i - 1] = "direct:node-" + i;
        }
        String api = apis.apiUrl(run);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).routeId("call-" + run).loadBalance().roundRobin().to(entries);
                for (int i = 1; i <= nodes; i++) {
                    from("direct:node-" + i).routeId("node-" + i + "-" + run).to("ksm" + i + ":" + CREDENTIAL).to(api);
                }
            }
        });
    }

    /**
     * Each node's token provider statistics (tokens fetched by that node, cache hits, ...), in node order; after
     * {@link #close()}, as they were when it closed.
     */
    public List<TokenProviderStatistics> nodeStatistics() {
        List<TokenProviderStatistics> last = closedStatistics;
        return last != null ? last : runtimes.stream().map(r -> r.tokenProvider().statistics()).toList();
    }

    @Override
    public void close() throws Exception {
        closedStatistics = nodeStatistics();
        try {
            super.close();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
