package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.security.auth.Subject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import com.sun.security.auth.NTSidGroupPrincipal;
import com.sun.security.auth.UnixNumericGroupPrincipal;
import com.sun.security.auth.UnixPrincipal;
import com.sun.security.auth.UserPrincipal;

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
        component.getCallerConfiguration().setNodeName("node-1");
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
    void rolesAreTheRolePrincipalsOfARealSubjectAndTheUserIsThePrincipal() {
        Caller caller = resolve(Subjects.of("alice", "ops", "crm-users"));

        assertThat(caller.principal()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactlyInAnyOrder("ops", "crm-users");
        assertThat(caller.resource()).isEqualTo("node-1");
    }

    @Test
    void aUserNamedLikeARoleDoesNotGetTheRole() {
        Caller caller = resolve(Subjects.of(Set.of(new UserPrincipal("admin"))));

        assertThat(caller.principal()).isEqualTo("admin");
        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void principalsOfUnknownClassesAreNotRoles() {
        Principal custom = () -> "admin";
        Caller caller = resolve(Subjects.of(Set.of(custom, new UnixPrincipal("root"))));

        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void theJdkGroupPrincipalsAreRolesByDefault() {
        Set<Principal> principals = new LinkedHashSet<>(List.of(new UnixPrincipal("alice"),
                new UnixNumericGroupPrincipal("1001", true), new UnixNumericGroupPrincipal("27", false),
                new NTSidGroupPrincipal("S-1-5-32-544"), new RolePrincipal("ops")));

        Caller caller = resolve(Subjects.of(principals));

        assertThat(caller.principal()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("1001", "27", "S-1-5-32-544", "ops");
    }

    @Test
    void aConfiguredRolePrincipalClassAndItsSubclassesAreRoles() {
        KsmEndpoint configured = endpoint(
                c -> c.getCallerConfiguration().setRolePrincipalClasses(GroupPrincipal.class.getName()));
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of(new LinkedHashSet<>(List.of(
                new UserPrincipal("alice"), new GroupPrincipal("admin"), new TeamPrincipal("crm"),
                new RolePrincipal("not-configured")))));

        Caller caller = configured.getComponent().getCallerResolver().resolve(exchange, configured);

        assertThat(caller.principal()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("admin", "crm");
    }

    @Test
    void theRolesOfAnAuthenticatedSpringSecurityAuthenticationInTheSubject() {
        // how camel-spring-security's SpringSecurityAuthorizationPolicy expects it: a principal of the Subject
        Authentication spring = UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ops", "FACTOR_PASSWORD", "SCOPE_read", "ROLE_crm-users"));

        Caller caller = resolve(Subjects.of(Set.of(spring)));

        assertThat(caller.principal()).isEqualTo("admin");
        assertThat(caller.roles()).containsExactlyInAnyOrder("ops", "crm-users");
    }

    @Test
    void anUnauthenticatedSpringSecurityAuthenticationGrantsNothing() {
        Authentication request = UsernamePasswordAuthenticationToken.unauthenticated("admin", "secret");
        TestingAuthenticationToken unchecked = new TestingAuthenticationToken("admin", null, "ROLE_admin");
        unchecked.setAuthenticated(false);

        assertThat(resolve(Subjects.of(Set.of(request))).roles()).isEmpty();
        assertThat(resolve(Subjects.of(Set.of(unchecked))).roles()).isEmpty();
    }

    @Test
    void anEmptyAuthorityPrefixTakesEveryAuthority() {
        KsmEndpoint configured = endpoint(c -> c.getCallerConfiguration().setAuthorityRolePrefix(""));
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of(Set.of(
                new TestingAuthenticationToken("bob", null, "ROLE_ops", "crm"))));

        Caller caller = configured.getComponent().getCallerResolver().resolve(exchange, configured);

        assertThat(caller.roles()).containsExactlyInAnyOrder("ROLE_ops", "crm");
    }

    @Test
    void aPluggedRoleSourceAddsRoles() {
        RoleSource everyoneIsStaff = p -> List.of("staff");
        DefaultCallerResolver custom = new DefaultCallerResolver(List.of(everyoneIsStaff));
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice"));

        assertThat(custom.resolve(exchange, endpoint).roles()).containsExactly("staff");
    }

    @Test
    void untrustedHeaderTextIsStillIgnoredWhateverItNames() {
        for (String forged : List.of("admin", RolePrincipal.class.getName() + ":admin", "ROLE_admin")) {
            Caller caller = resolve(forged);

            assertThat(caller.roles()).isEmpty();
            assertThat(caller.principal()).isNull();
        }
    }

    /** The endpoint ksm2:Api of a fresh component with the given options. */
    private KsmEndpoint endpoint(Consumer<KsmComponent> options) {
        KsmComponent component = new KsmComponent();
        component.setGovernedCredentials(ksm.governed());
        options.accept(component);
        camel.addComponent("ksm2", component);
        return camel.getEndpoint("ksm2:Api", KsmEndpoint.class);
    }

    /** A group principal of some login module. */
    static class GroupPrincipal implements Principal {
        private final String name;

        GroupPrincipal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    static final class TeamPrincipal extends GroupPrincipal {
        TeamPrincipal(String name) {
            super(name);
        }
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
