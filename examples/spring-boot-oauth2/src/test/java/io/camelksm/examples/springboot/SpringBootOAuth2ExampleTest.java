package io.camelksm.examples.springboot;

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

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example as a user runs it, over HTTP on loopback: alice (role api-caller) gets the API's answer through a token
 * that ksm: fetched from the application's own token endpoint, bob is denied, health is open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootOAuth2ExampleTest {

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        Path home = Files.createTempDirectory(target.toAbsolutePath(), "ksm-example-test-");
        registry.add("camel.component.ksm.database-directory", home::toString);
    }

    @Test
    void aliceGetsTheApisAnswerWithTheTokenKsmFetched() throws Exception {
        HttpResponse<String> response = get("/hello", "alice", "alice-password");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello hello-client, your token has the scopes [hello.read]\n");
        // twice: the second call uses the cached token
        assertThat(get("/hello", "alice", "alice-password").statusCode()).isEqualTo(200);
    }

    @Test
    void bobIsDenied() throws Exception {
        HttpResponse<String> response = get("/hello", "bob", "bob-password");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(ExampleRoutes.DENIED).doesNotContain("hello-client-secret");
    }

    @Test
    void withoutLoginThereIsNoCallAndTheApiWantsAToken() throws Exception {
        assertThat(get("/hello", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/hello", "alice", "alice-password").statusCode()).isEqualTo(401);
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void decisionsAreCountedAndCamelKsmHealthIsShownToALoggedInUser() throws Exception {
        assertThat(get("/hello", "alice", "alice-password").statusCode()).isEqualTo(200);
        assertThat(get("/hello", "bob", "bob-password").statusCode()).isEqualTo(403);

        HttpResponse<String> granted = get("/actuator/metrics/ksm.decisions?tag=outcome:granted&tag=operation:authorize",
                "alice", "alice-password");
        HttpResponse<String> denied = get("/actuator/metrics/ksm.decisions?tag=outcome:denied", "alice",
                "alice-password");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);
        assertThat(granted.body()).contains("\"name\":\"ksm.decisions\"").doesNotContain("alice");
        assertThat(denied.body()).contains("\"statistic\":\"COUNT\"").doesNotContain("bob");
        assertThat(get("/actuator/metrics/ksm.decisions", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> health = get("/actuator/health", "alice", "alice-password");
        assertThat(health.body()).contains("ksm-database").contains("ksm-audit").doesNotContain("hello-client-secret");
        // whether the node hears other nodes' changes, like the audit state: OFF on the embedded database
        assertThat(health.body()).contains("ksm-change-notices").contains("\"changeNotices.state\":\"OFF\"");
        assertThat(get("/actuator/health", null, null).body()).doesNotContain("ksm-database");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
