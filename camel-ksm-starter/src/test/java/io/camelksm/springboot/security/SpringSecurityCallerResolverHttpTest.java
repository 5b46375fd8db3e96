package io.camelksm.springboot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.audit.Slf4jAuditTrail;
import io.camelksm.component.CallerResolver;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.testsupport.LogCapture;

/**
 * Real HTTP on loopback into a Spring Boot application with Spring Security (HTTP Basic): the caller of the ksm:
 * endpoint is the authenticated user, with the roles Spring Security gave it, and nothing the request carries changes
 * that.
 */
@SpringBootTest(classes = SecuredRouteApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camel.component.ksm.node-name=" + SecuredRouteApplication.NODE)
class SpringSecurityCallerResolverHttpTest {

    @DynamicPropertySource
    static void databaseInItsOwnDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        Path directory = Files.createTempDirectory(target.toAbsolutePath(), "ksm-security-");
        registry.add("camel.component.ksm.database-directory", directory::toString);
    }

    private static final String API_USER = "api-user";
    private static final String API_PASSWORD = "api-password";
    private static final String API_AUTHORIZATION = basic(API_USER, API_PASSWORD);

    @LocalServerPort
    private int port;
    @Autowired
    private CamelContext camel;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void storeCredentialGrantedToTheRole() {
        GovernedCredentials credentials = camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
        CredentialName name = CredentialName.of(SecuredRouteApplication.CREDENTIAL);
        if (credentials.inspect(name).isPresent()) {
            return;
        }
        Caller operator = new Caller("operator", Set.of(), "test", SecuredRouteApplication.NODE, null);
        credentials.create(Credential.builder(name, CredentialType.BASIC)
                .value(CredentialField.USERNAME, API_USER)
                .value(CredentialField.PASSWORD, API_PASSWORD).build(), operator);
        credentials.grant(name, Dimension.ROLE, SecuredRouteApplication.ROLE, operator);
        credentials.grant(name, Dimension.PROCESS, SecuredRouteApplication.ROUTE_ID, operator);
        credentials.grant(name, Dimension.RESOURCE, SecuredRouteApplication.NODE, operator);
    }

    @Test
    void theSpringSecurityResolverIsTheComponentsResolver() {
        CallerResolver resolver = camel.getComponent("ksm", KsmComponent.class).getCallerResolver();
        assertThat(resolver).isInstanceOf(SpringSecurityCallerResolver.class);
    }

    @Test
    void userWithTheRoleGetsTheCredential() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> response = call(basic("alice", "alice-pw"), "");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(API_AUTHORIZATION);
            assertThat(awaitAudit(log, "principal=alice"))
                    .contains("outcome=GRANTED", "route=" + SecuredRouteApplication.ROUTE_ID, "roles=[api-caller]",
                            "process=" + SecuredRouteApplication.ROUTE_ID,
                            "resource=" + SecuredRouteApplication.NODE)
                    .doesNotContain("FACTOR_", "ROLE_"); // only ROLE_ authorities are roles, without the prefix
        }
    }

    @Test
    void userWithoutTheRoleIsDeniedAndAuditedWithItsNameAndRoles() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> response = call(basic("bob", "bob-pw"), "");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain(API_PASSWORD, API_USER);
            assertThat(awaitAudit(log, "principal=bob")).contains("outcome=DENIED", "roles=[auditor]");
        }
    }

    @Test
    void nothingInTheRequestMakesBobACallerWithTheRole() throws Exception {
        String alice = basic("alice", "alice-pw");
        String query = "?CamelAuthentication=api-caller&roles=api-caller&role=api-caller&X-Roles=api-caller"
                       + "&CamelHttpServletRequest=x&Authorization=" + alice.replace(" ", "%20");
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> response = call(basic("bob", "bob-pw"), query,
                    "CamelAuthentication", "api-caller",
                    "X-Roles", "api-caller",
                    "roles", "api-caller",
                    "CamelHttpServletRequest", "api-caller",
                    "CamelKsmRoles", "api-caller",
                    "X-Forwarded-User", "alice",
                    "Proxy-Authorization", alice);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(awaitAudit(log, "principal=bob"))
                    .contains("outcome=DENIED", "roles=[auditor]", "process=" + SecuredRouteApplication.ROUTE_ID)
                    .doesNotContain("api-caller]");
        }
    }

    private HttpResponse<String> call(String authorization, String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/call" + query))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The audit line that names the principal: the audit is written after the answer may have gone out. */
    private static String awaitAudit(LogCapture log, String principal) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<String> lines = log.messages(Slf4jAuditTrail.LOGGER_NAME).stream()
                    .filter(line -> line.contains("credential='" + SecuredRouteApplication.CREDENTIAL + "'"))
                    .filter(line -> line.contains(principal + " ")).toList();
            if (!lines.isEmpty()) {
                return lines.get(lines.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No audit line with " + principal + " in:\n" + log.text());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
