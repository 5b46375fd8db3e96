package io.camelksm.interop;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs {@link AuthorizationServerApp} on 127.0.0.1 (a free port) for the tests of one class. */
final class SpringAuthorizationServer implements BeforeAllCallback, AfterAllCallback {

    private ConfigurableApplicationContext app;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) {
        AuthorizationServerApp.ISSUED.clear();
        app = new SpringApplicationBuilder(AuthorizationServerApp.class)
                .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off")
                .run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            app.close();
        }
    }

    String tokenUrl() {
        return baseUrl() + "/oauth2/token";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A camel-http endpoint URI of the protected API. */
    String api() {
        return baseUrl() + "/api/mail";
    }

    /** Access tokens the server has issued to the client so far. */
    int issuedTo(String clientId) {
        AtomicInteger count = AuthorizationServerApp.ISSUED.get(clientId);
        return count == null ? 0 : count.get();
    }
}
