package io.camelksm.springboot;

import static io.camelksm.springboot.KsmComponentAutoConfigurationTest.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad value stops the application with a message that names the property, and never shows a secret. */
class KsmBadPropertyTest {

    @TempDir
    Path tempDir;

    @Test
    void anUnknownEnumValueNamesTheSpringProperty() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.audit-mode=later").run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'camel.component.ksm.audit-mode'"));
    }

    @Test
    void aDurationThatIsNotMillisecondsNamesTheSpringProperty() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.cache-ttl=soon").run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'camel.component.ksm.cache-ttl'"));
    }

    @Test
    void aValueTheComponentRefusesNamesTheOption() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.max-retries=99").run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("maxRetries must be between 0 and 20, was 99"));
    }

    @Test
    void aBadJdbcUrlDoesNotShowThePassword() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.key-file=" + tempDir.resolve("ksm.key"),
                "camel.component.ksm.jdbc-url=jdbc:nosuchdriver://localhost/ksm",
                "camel.component.ksm.jdbc-username=ksm",
                "camel.component.ksm.jdbc-password=Very-Secret-42").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context).getFailure().hasStackTraceContaining("jdbc:nosuchdriver");
                    assertThat(stackTrace(context.getStartupFailure())).doesNotContain("Very-Secret-42");
                });
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
