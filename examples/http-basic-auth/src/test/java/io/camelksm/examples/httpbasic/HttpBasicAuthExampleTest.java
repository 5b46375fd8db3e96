package io.camelksm.examples.httpbasic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/** The example end to end: real embedded database, real Camel route, real HTTP on loopback. */
class HttpBasicAuthExampleTest {

    /** RFC 7617 section 2: Aladdin / open sesame. */
    private static final String EXPECTED_HEADER = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";

    @TempDir
    Path home;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int runExample(String apiUrl) {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return new HttpBasicAuthExample(home, out).run(apiUrl);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRouteCallsTheApiWithTheHeaderKsmBuiltAndRunsAgainOnTheSameDatabase() throws Exception {
        try (HelloApiServer server = HelloApiServer.start("Aladdin", "open sesame")) {
            assertThat(runExample(server.url())).as(output()).isZero();

            assertThat(server.receivedAuthorizations()).containsExactly(EXPECTED_HEADER);
            assertThat(output()).contains("Stored credential 'ExampleApi'", "Granted role 'api-caller'",
                    "Server says: hello Aladdin, you are authenticated");

            output.reset();
            assertThat(runExample(server.url())).as(output()).isZero();

            assertThat(server.receivedAuthorizations()).containsExactly(EXPECTED_HEADER, EXPECTED_HEADER);
            assertThat(output()).contains("already stored", "Server says: hello Aladdin, you are authenticated")
                    .doesNotContain("Granted");
            assertThat(output()).doesNotContain("open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        }

        try (KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(home)
                .auditMode(AuditMode.SYNC).build())) {
            List<AuditEvent> events = runtime.credentials().audit().tail(100);
            assertThat(events).filteredOn(e -> e.operation().equals("create")).hasSize(1);
            assertThat(events).filteredOn(e -> e.operation().equals("grant")).hasSize(3);
            assertThat(events).filteredOn(e -> e.operation().equals("authorize")).hasSize(2).allSatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(AuditOutcome.GRANTED);
                assertThat(e.routeId()).isEqualTo(HttpBasicAuthExample.ROUTE_ID);
                assertThat(e.roles()).containsExactly(HttpBasicAuthExample.ROLE);
                assertThat(e.resource()).isEqualTo(HttpBasicAuthExample.NODE);
            });
        }
    }

    @Test
    void aRejectedCallEndsWithANonZeroExitCode() throws Exception {
        try (HelloApiServer server = HelloApiServer.start("Aladdin", "another password")) {
            assertThat(runExample(server.url())).isEqualTo(1);

            assertThat(server.receivedAuthorizations()).containsExactly(EXPECTED_HEADER);
            assertThat(output()).contains("The call failed", "401").doesNotContain("Server says");
        }
    }

    @Test
    void theProgramRunsOnItsOwnAndExitsWithZero() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HttpBasicAuthExample.class.getName(),
                home.resolve("standalone").toString())
                .redirectErrorStream(true)
                .start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(bytes, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Server says: hello Aladdin, you are authenticated");
    }
}
