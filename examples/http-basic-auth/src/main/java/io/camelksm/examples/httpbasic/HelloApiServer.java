package io.camelksm.examples.httpbasic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The "Web API" the example calls: the JDK's HTTP server on 127.0.0.1 (a free port), answering {@code GET /hello} only
 * to a request with the right {@code Authorization: Basic ...} header (RFC 7617). It stands in for a real service, so
 * the example needs nothing outside this JVM.
 */
public final class HelloApiServer implements AutoCloseable {

    public static final String PATH = "/hello";

    private final HttpServer server;
    private final String username;
    private final byte[] expectedAuthorization;
    private final List<String> receivedAuthorizations = new CopyOnWriteArrayList<>();

    private HelloApiServer(HttpServer server, String username, byte[] expectedAuthorization) {
        this.server = server;
        this.username = username;
        this.expectedAuthorization = expectedAuthorization;
    }

    /** Starts a server that accepts exactly this username and password. */
    public static HelloApiServer start(String username, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HelloApiServer server = new HelloApiServer(http, username,
                ("Basic " + token).getBytes(StandardCharsets.US_ASCII));
        http.createContext(PATH, server::handle);
        http.start();
        return server;
    }

    /** The URL of the greeting, e.g. {@code http://127.0.0.1:41234/hello}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The Authorization headers received so far (null for a request without one); for tests. */
    public List<String> receivedAuthorizations() {
        return List.copyOf(receivedAuthorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            receivedAuthorizations.add(authorization);
            boolean authenticated = authorization != null && MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8));
            if (authenticated) {
                respond(exchange, 200, "hello " + username + ", you are authenticated");
            } else {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"example\", charset=\"UTF-8\"");
                respond(exchange, 401, "who are you?");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
