package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

class FlywayLogsTest {

    /**
     * Flyway's H2 version warning is dropped only for the H2 version this build was checked with: when H2 is
     * upgraded, this fails until the migrations have been checked on the new version and the constant follows.
     */
    @Test
    void theQuietH2VersionIsTheOneOnTheClassPath() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:flyway-logs")) {
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith(FlywayLogs.VERIFIED_H2 + " ");
        }
    }
}
