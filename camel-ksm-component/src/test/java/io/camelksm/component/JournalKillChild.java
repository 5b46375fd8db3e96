package io.camelksm.component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import com.sun.net.httpserver.HttpServer;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * The JVM {@link KsmAuditJournalKillTest} kills: a CamelContext whose route takes a header from {@code ksm:} (default
 * audit mode) and calls a loopback API stub with it, then appends the exchange id to a file, forever. Arguments: the
 * database directory and the file of exchange ids that reached the API.
 */
public final class JournalKillChild {

    static final String ROUTE = "kill-route";
    static final CredentialName CREDENTIAL = CredentialName.of("Api");

    private JournalKillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api", exchange -> {
            boolean authorized = exchange.getRequestHeaders().getFirst("Authorization") != null;
            exchange.sendResponseHeaders(authorized ? 200 : 401, -1);
            exchange.close();
        });
        api.start();
        URI uri = URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/api");
        HttpClient http = HttpClient.newHttpClient();
        FileChannel reached = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);

        CamelContext context = new DefaultCamelContext();
        KsmComponent ksm = context.getComponent("ksm", KsmComponent.class);
        ksm.getDatabaseConfiguration().setDatabaseDirectory(dir.toString());
        ksm.getCallerConfiguration().setNodeName("kill-node");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId(ROUTE).to("ksm:Api").process(e -> call(http, uri, reached, e));
            }
        });
        context.start();
        GovernedCredentials governed = ksm.getGovernedCredentials();
        if (governed.inspect(CREDENTIAL).isEmpty()) {
            Caller admin = new Caller("admin", Set.of(), "kill-test", "kill-node", null);
            governed.create(Credential.builder(CREDENTIAL, CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "bot").secret(CredentialField.PASSWORD, Secret.of("pw"))
                    .build(), admin);
            for (Dimension dimension : Dimension.values()) {
                governed.grant(CREDENTIAL, dimension, "*", admin);
            }
        }
        System.out.println("CHILD ready");
        System.out.flush();
        ProducerTemplate template = context.createProducerTemplate();
        while (true) {
            Exchange done = template.send("direct:call", e -> { });
            if (done.getException() != null) {
                done.getException().printStackTrace(System.out);
                System.out.println("CHILD failed");
                System.exit(3);
            }
        }
    }

    /** Calls the API with the header ksm: set; only once it answered 200, notes the exchange as having reached it. */
    private static void call(HttpClient http, URI uri, FileChannel reached, Exchange e)
            throws IOException, InterruptedException {
        String header = e.getMessage().getHeader("Authorization", String.class);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", header).GET()
                .build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("API answered " + response.statusCode());
        }
        reached.write(ByteBuffer.wrap((e.getExchangeId() + "\n").getBytes(StandardCharsets.US_ASCII)));
    }
}
