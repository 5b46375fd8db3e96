package io.camelksm.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;

/**
 * A whole Spring Boot application with the starter, configured only by properties: an HTTP request on loopback reaches
 * a platform-http route whose {@code ksm:} endpoint puts the Basic header of a granted credential on the message; the
 * decision is audited in the embedded database of the temp directory.
 */
@SpringBootTest(classes = KsmSpringBootAppTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "camel.component.ksm.node-name=app-node",
                "camel.component.ksm.audit-mode=sync", "camel.component.ksm.cache-ttl=0"})
class KsmSpringBootAppTest {

    private static final Path DIRECTORY = tempDirectory();
    private static final Caller ADMIN = new Caller("admin", Set.of(), "app-test", "app-node", null);
    private static final CredentialName BACKEND = CredentialName.of("Backend");

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void databaseDirectory(DynamicPropertyRegistry registry) {
        registry.add("camel.component.ksm.database-directory", DIRECTORY::toString);
    }

    /** Backend, granted to the route backend-call only; once per application (the tests share it). */
    @BeforeEach
    void backendCredential() {
        GovernedCredentials governed = camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
        if (governed.store().find(BACKEND).isPresent()) {
            return;
        }
        governed.create(Credential.builder(BACKEND, CredentialType.BASIC).field(CredentialField.USERNAME, "svc")
                .value(CredentialField.PASSWORD, "pw-1").build(), ADMIN);
        governed.grant(BACKEND, Dimension.ROLE, "*", ADMIN);
        governed.grant(BACKEND, Dimension.PROCESS, "backend-call", ADMIN);
        governed.grant(BACKEND, Dimension.RESOURCE, "app-node", ADMIN);
    }

    @Test
    void aRequestOnLoopbackGetsTheGrantedCredentialsHeaderAndTheDecisionIsAudited() throws Exception {
        KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
        assertThat(component.getAuditConfiguration().getAuditMode()).isEqualTo(AuditMode.SYNC);
        assertThat(component.getDatabaseConfiguration().getDatabaseDirectory()).isEqualTo(DIRECTORY.toString());
        GovernedCredentials governed = component.getGovernedCredentials();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/backend-call")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("header ok");
        assertThat(response.headers().firstValue("Authorization")).isEmpty();
        assertThat(governed.audit().tail(20)).filteredOn(e -> e.operation().equals("authorize")).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.GRANTED);
                    assertThat(e.routeId()).isEqualTo("backend-call");
                    assertThat(e.resource()).isEqualTo("app-node");
                });
    }

    @Test
    void aRouteWithoutARightIsRefusedAndTheDenialAudited() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ungranted")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("pw-1");
        GovernedCredentials governed = camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
        assertThat(governed.audit().tail(50)).map(AuditEvent::routeId, AuditEvent::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("ungranted", AuditOutcome.DENIED));
    }

    private static Path tempDirectory() {
        try {
            // under target/: the application (and its database) stays open until the JVM ends
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ksm-boot-app").toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        private static final String EXPECTED = "Basic "
                + Base64.getEncoder().encodeToString("svc:pw-1".getBytes(StandardCharsets.UTF_8));

        /** Spring Security is on this module's test class path (for its own tests): this application is open. */
        @Bean
        SecurityFilterChain openApplication(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable()).build();
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/backend-call?httpMethodRestrict=GET").routeId("backend-call")
                            .to("ksm:Backend")
                            // stands in for the call to the backend; the header never goes back to the client
                            .process(e -> e.getMessage().setBody(EXPECTED.equals(
                                    e.getMessage().getHeader("Authorization", String.class)) ? "header ok" : "wrong"))
                            .removeHeader("Authorization");
                    from("platform-http:/ungranted?httpMethodRestrict=GET").routeId("ungranted")
                            .to("ksm:Backend");
                }
            };
        }
    }
}
