package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.internal.database.base.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import io.camelksm.testsupport.LogCapture;

/** What a component start on the embedded database logs: Flyway's H2 version warning is not among it. */
class KsmStartLogTest {

    private static final String H2_WARNING = "which is newer than the version Flyway has been verified with";
    private static final String FLYWAY_DATABASE_LOGGER = Database.class.getName();

    @TempDir
    Path home;

    @Test
    void componentStartLogsNoH2VersionWarningButFlywayStillLogs() throws Exception {
        try (LogCapture log = new LogCapture(); CamelContext camel = new DefaultCamelContext()) {
            KsmComponent component = new KsmComponent();
            component.getDatabaseConfiguration().setDatabaseDirectory(home.toString());
            camel.addComponent("ksm", component);
            camel.start();
            assertThat(component.getGovernedCredentials()).isNotNull();

            assertThat(log.text()).doesNotContain(H2_WARNING);
            assertThat(flyway(log.events())).as("Flyway's own lines still reach SLF4J")
                    .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Successfully applied"));
        }
        assertThat(Files.exists(home.resolve("ksm.key"))).isTrue();
    }

    /** After a start, Flyway logs through camel-ksm's configuration: only the checked message is dropped. */
    @Test
    void otherFlywayWarningsStillShow() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent component = new KsmComponent();
            component.getDatabaseConfiguration().setDatabaseDirectory(home.toString());
            camel.addComponent("ksm", component);
            camel.start();

            try (LogCapture log = new LogCapture()) {
                Log flywayLog = LogFactory.getLog(Database.class);
                flywayLog.warn("Using H2 " + h2Version() + " " + H2_WARNING + ". The latest verified version of H2"
                               + " is 2.3.232.");
                flywayLog.warn("Using H2 9.9.999 " + H2_WARNING + ". The latest verified version of H2 is 2.3.232.");
                flywayLog.warn("DB: some other warning");

                assertThat(log.events()).filteredOn(e -> e.getLoggerName().equals(FLYWAY_DATABASE_LOGGER))
                        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                        .containsExactly(
                                tuple(Level.WARN, "Using H2 9.9.999 " + H2_WARNING
                                        + ". The latest verified version of H2 is 2.3.232."),
                                tuple(Level.WARN, "DB: some other warning"));
            }
        }
    }

    private static String h2Version() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:version")) {
            return connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
        }
    }

    private static List<ILoggingEvent> flyway(List<ILoggingEvent> events) {
        return events.stream().filter(e -> e.getLoggerName().startsWith("org.flywaydb")).toList();
    }
}
