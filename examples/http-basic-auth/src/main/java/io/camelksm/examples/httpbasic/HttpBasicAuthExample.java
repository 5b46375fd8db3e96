package io.camelksm.examples.httpbasic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import io.camelksm.access.AccessRights;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * camel-ksm's main job in one program: store a credential in the embedded, encrypted database, grant it to a route, and
 * let the route call a Web API with the {@code Authorization} header that {@code ksm:ExampleApi} builds.
 *
 * <p>
 * Everything runs in this JVM: the "Web API" is {@link HelloApiServer} on 127.0.0.1. The database lives in the
 * directory given as the first argument (default {@code ~/.camel-ksm-example}); running again reuses what is stored.
 * Exit code 0 when the server accepted the call, 1 otherwise.
 */
public final class HttpBasicAuthExample {

    public static final String CREDENTIAL = "ExampleApi";
    public static final String ROUTE_ID = "call-example-api";
    public static final String ROLE = "api-caller";
    /** This node's name: the resource the credential is granted to. */
    public static final String NODE = "example-node";

    // RFC 7617's own example; in real life an operator stores the password with `ksm-admin credential add`
    static final String USERNAME = "Aladdin";
    private static final String PASSWORD = "open sesame";

    private final Path home;
    private final PrintStream out;

    public HttpBasicAuthExample(Path home, PrintStream out) {
        this.home = home.toAbsolutePath();
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path home = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("user.home"), ".camel-ksm-example");
        try (HelloApiServer server = HelloApiServer.start(USERNAME, PASSWORD)) {
            System.exit(new HttpBasicAuthExample(home, System.out).run(server.url()));
        }
    }

    /** Prepares the credential, calls the API at the given URL through the route and prints the answer. */
    public int run(String apiUrl) {
        out.println("camel-ksm database: " + home);
        try {
            prepareCredential();
            String answer = callApi(apiUrl);
            out.println("Server says: " + answer);
            return 0;
        } catch (Exception e) {
            out.println("The call failed: " + rootMessage(e));
            return 1;
        }
    }

    /**
     * What an operator does once with {@code ksm-admin}: store the credential (if it is not there yet) and grant it to
     * the route's role, the route and this node. Both are audited. The runtime opens the same database, audit trail
     * and defaults as the {@code ksm} component does; it is closed before the component opens them.
     */
    void prepareCredential() {
        KsmSettings settings = KsmSettings.builder().embeddedDatabase(home).nodeName(NODE).build();
        try (KsmRuntime runtime = KsmRuntime.open(settings)) {
            GovernedCredentials credentials = runtime.credentials();
            Caller operator = new Caller(System.getProperty("user.name"), Set.of(), "http-basic-auth-example", NODE,
                    null);
            CredentialName name = CredentialName.of(CREDENTIAL);
            if (credentials.inspect(name).isEmpty()) {
                Credential credential = Credential.builder(name, CredentialType.BASIC)
                        .description("The example's local HTTP API")
                        .field(CredentialField.USERNAME, USERNAME)
                        .secret(CredentialField.PASSWORD, Secret.of(PASSWORD))
                        .build();
                credentials.create(credential, operator);
                credential.destroySecrets();
                out.println("Stored credential '" + CREDENTIAL + "' (BASIC, user " + USERNAME + ")");
            } else {
                out.println("Credential '" + CREDENTIAL + "' is already stored");
            }
            // every run makes sure of the rights (an operator may have revoked one), granting only what is missing
            AccessRights rights = credentials.rightsOf(name);
            grantIfMissing(credentials, rights, name, Dimension.ROLE, ROLE, operator);
            grantIfMissing(credentials, rights, name, Dimension.PROCESS, ROUTE_ID, operator);
            grantIfMissing(credentials, rights, name, Dimension.RESOURCE, NODE, operator);
        }
    }

    private void grantIfMissing(GovernedCredentials credentials, AccessRights rights, CredentialName name,
                                Dimension dimension, String value, Caller operator) {
        if (!rights.of(dimension).permits(value)) {
            credentials.grant(name, dimension, value, operator);
            out.println("Granted " + dimension.label() + " '" + value + "' on '" + name + "'");
        }
    }

    private String callApi(String apiUrl) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent ksm = new KsmComponent();
            ksm.getDatabaseConfiguration().setDatabaseDirectory(home.toString());
            ksm.getCallerConfiguration().setNodeName(NODE);
            camel.addComponent("ksm", ksm);
            camel.addRoutes(new ExampleRoute(apiUrl));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            return template.requestBody(ExampleRoute.ENTRY, null, String.class);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
