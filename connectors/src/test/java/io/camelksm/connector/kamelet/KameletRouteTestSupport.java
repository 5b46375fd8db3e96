package io.camelksm.connector.kamelet;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.security.auth.Subject;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import io.camelksm.audit.AuditEvent;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.Subjects;

/**
 * Base of the Kamelet tests: the route under test is YAML, loaded by Camel's YAML DSL the way an application loads
 * it; {@code kamelet:ksm-...} finds the Kamelets on the class path ({@code classpath:kamelets}, camel-kamelet's
 * default location), i.e. the files this module ships.
 */
abstract class KameletRouteTestSupport extends KsmCamelTestSupport {

    private static final int WAIT_SECONDS = 10;

    /** Stores the credentials and grants the test needs; runs before the routes are loaded. */
    protected abstract void credentials();

    /** The routes of the test, in Camel's YAML DSL. */
    protected abstract String yamlRoutes();

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        credentials();
        return PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString(getClass().getSimpleName() + ".yaml", yamlRoutes()))
                .toArray(RoutesBuilder[]::new);
    }

    /**
     * The first audit event that matches, waiting for it (at most {@value #WAIT_SECONDS} s) because a source's
     * timer thread writes it; fails when none comes.
     */
    protected AuditEvent awaitAudit(Predicate<AuditEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<AuditEvent> found = ksm.audit().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching audit event within " + WAIT_SECONDS + " s: " + ksm.audit());
    }

    /** Sends a body as an authenticated caller (the Subject a security policy would put on the exchange). */
    protected Exchange requestAs(String endpoint, Object body, String user, String... roles) {
        Subject subject = Subjects.of(user, roles);
        return template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(Exchange.AUTHENTICATION, subject);
        });
    }
}
