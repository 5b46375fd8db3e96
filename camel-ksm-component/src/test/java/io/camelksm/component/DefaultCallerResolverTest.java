package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelksm.access.Caller;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.Subjects;

/** Only trusted sources make the caller; anything else in CamelAuthentication is ignored. */
class DefaultCallerResolverTest {

    private final KsmTestSupport ksm = KsmTestSupport.create();
    private final DefaultCallerResolver resolver = new DefaultCallerResolver();
    private CamelContext camel;
    private KsmEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        KsmComponent component = new KsmComponent();
        component.setGovernedCredentials(ksm.governed());
        component.setNodeName("node-1");
        camel.addComponent("ksm", component);
        camel.start();
        endpoint = camel.getEndpoint("ksm:Api", KsmEndpoint.class);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private Caller resolve(Object authentication) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.AUTHENTICATION, authentication);
        return resolver.resolve(exchange, endpoint);
    }

    @Test
    void rolesAreThePrincipalsOfARealSubject() {
        Caller caller = resolve(Subjects.of("alice", "ops", "crm-users"));

        assertThat(caller.principal()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactlyInAnyOrder("alice", "ops", "crm-users");
        assertThat(caller.resource()).isEqualTo("node-1");
    }

    @Test
    void anythingButASubjectGrantsNothing() {
        Principal principal = () -> "ops";
        for (Object forged : List.of("ops", List.of("ops"), Map.of("roles", "ops"), principal, new String[] { "ops" },
                Set.of(principal))) {
            Caller caller = resolve(forged);

            assertThat(caller.roles()).as(forged.getClass().getName()).isEmpty();
            assertThat(caller.principal()).isNull();
        }
    }

    @Test
    void noAuthenticationMeansNoRoles() {
        Caller caller = resolve(null);

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.principal()).isNull();
    }

    @Test
    void emptySubjectHasNoRoles() {
        Caller caller = resolve(new Subject());

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.principal()).isNull();
    }

    @Test
    void outsideARouteTheProcessIsUnknownUnlessConfigured() {
        Exchange exchange = new DefaultExchange(camel);

        assertThat(resolver.resolve(exchange, endpoint).process()).isNull();
        assertThat(resolver.resolve(exchange, endpoint).session()).isEqualTo(exchange.getExchangeId());
        KsmEndpoint configured = camel.getEndpoint("ksm:Api?process=batch", KsmEndpoint.class);
        assertThat(resolver.resolve(exchange, configured).process()).isEqualTo("batch");
    }
}
