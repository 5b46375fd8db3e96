package io.camelksm.store.jdbc;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's logging for camel-ksm's migrations: every Flyway message goes to SLF4J under Flyway's own logger names, as
 * Flyway's auto-detection would send it, except one warning that this project has checked and that otherwise shows on
 * every start: "Using H2 {@value #VERIFIED_H2} which is newer than the version Flyway has been verified with".
 *
 * <p>Why: Spring Boot's BOM, which this project's parent imports, pairs Flyway 11.14.1 (verified up to H2 2.3.232)
 * with H2 2.4.240; this project takes H2 {@value #VERIFIED_H2} instead, and no Flyway release that verifies either is
 * managed by Boot. camel-ksm's migrations and store tests run on exactly that pair, so the warning says nothing new
 * for it. Only that H2 version is quiet: a newer H2 on the class path, and every other Flyway warning, still shows.
 *
 * <p>Flyway's logging is global: configuring it for camel-ksm's migration makes this the log creator of every Flyway
 * in the JVM until another Flyway is configured (which then takes its own setting again). Public only because Flyway
 * instantiates it by class name ({@code loggers}).
 */
public final class FlywayLogs implements LogCreator {

    /**
     * The H2 version camel-ksm's migrations are tested on: the parent pom's, newer than Spring Boot's 2.4.240, which
     * breaks CHECK constraints once the connection that created them closed (h2database#4302).
     */
    static final String VERIFIED_H2 = "2.5.252";

    /** The warning this creator drops: Flyway's text for the H2 version above. */
    static final String CHECKED_WARNING = "Using H2 " + VERIFIED_H2
                                          + " which is newer than the version Flyway has been verified with";

    /** Flyway instantiates this by name. */
    public FlywayLogs() {
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Slf4j(LoggerFactory.getLogger(clazz));
    }

    private record Slf4j(Logger logger) implements Log {

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void warn(String message) {
            if (message == null || !message.startsWith(CHECKED_WARNING)) {
                logger.warn(message);
            }
        }

        @Override
        public void error(String message) {
            logger.error(message);
        }

        @Override
        public void error(String message, Exception e) {
            logger.error(message, e);
        }

        /** Flyway's own SLF4J log drops notices (its hints at paid editions) too. */
        @Override
        public void notice(String message) {
        }
    }
}
