package io.camelksm.springboot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import io.camelksm.access.Caller;
import io.camelksm.component.DefaultCallerResolver;
import io.camelksm.component.KsmComponent;
import io.camelksm.component.KsmEndpoint;
import io.camelksm.component.PrincipalClassRoleSource;
import io.camelksm.component.RolePrincipal;

/** Where {@link SpringSecurityCallerResolver} finds the caller, one source at a time (no route, no HTTP). */
class SpringSecurityCallerResolverTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final SpringSecurityCallerResolver resolver = new SpringSecurityCallerResolver(
            DefaultCallerResolver.defaultRoleSources(PrincipalClassRoleSource.DEFAULT_CLASSES, "ROLE_"));
    private KsmEndpoint endpoint;
    private Exchange exchange;

    @BeforeEach
    void endpointOfAComponentThatIsNotStarted() {
        KsmComponent ksm = new KsmComponent();
        ksm.getCallerConfiguration().setNodeName("node-1");
        camel.addComponent("ksm", ksm);
        endpoint = camel.getEndpoint("ksm:Api?process=orders", KsmEndpoint.class);
        exchange = new DefaultExchange(camel);
    }

    @AfterEach
    void clear() throws Exception {
        SecurityContextHolder.clearContext();
        camel.close();
    }

    @Test
    void rolesAreTheAuthoritiesWithThePrefixOfTheRequestsAuthentication() {
        exchange.getMessage().setHeader("CamelHttpServletRequest",
                requestWith(user("alice", "ROLE_ops", "FACTOR_PASSWORD", "SCOPE_read", "ROLE_")));

        Caller caller = resolver.resolve(exchange, endpoint);

        assertThat(caller.principal()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("ops");
        assertThat(caller.process()).isEqualTo("orders");
        assertThat(caller.resource()).isEqualTo("node-1");
    }

    @Test
    void theRequestsAuthenticationComesBeforeTheOneOnTheThread() {
        SecurityContextHolder.getContext().setAuthentication(user("thread-user", "ROLE_admin"));
        exchange.getMessage().setHeader("CamelHttpServletRequest", requestWith(user("alice", "ROLE_ops")));

        assertThat(resolver.resolve(exchange, endpoint).roles()).containsExactly("ops");
    }

    @Test
    void withoutARequestTheThreadsAuthenticationCounts() {
        SecurityContextHolder.getContext().setAuthentication(user("carol", "ROLE_ops"));

        Caller caller = resolver.resolve(exchange, endpoint);

        assertThat(caller.principal()).isEqualTo("carol");
        assertThat(caller.roles()).containsExactly("ops");
    }

    @Test
    void aSubjectSetByTheRouteComesFirst() {
        SecurityContextHolder.getContext().setAuthentication(user("carol", "ROLE_admin"));
        exchange.getMessage().setHeader(Exchange.AUTHENTICATION,
                new Subject(true, Set.of(new RolePrincipal("batch")), Set.of(), Set.of()));

        assertThat(resolver.resolve(exchange, endpoint).roles()).containsExactly("batch");
    }

    @Test
    void anonymousOrUnauthenticatedIsNoCaller() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ops")));
        assertNoCaller(resolver.resolve(exchange, endpoint));

        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess"));
        assertNoCaller(resolver.resolve(exchange, endpoint));
    }

    @Test
    void textWhereTheRequestOrTheSubjectShouldBeIsIgnored() {
        exchange.getMessage().setHeader("CamelHttpServletRequest", "ROLE_ops");
        exchange.getMessage().setHeader(Exchange.AUTHENTICATION, "ops");
        assertNoCaller(resolver.resolve(exchange, endpoint));

        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME, "ROLE_ops");
        exchange.getMessage().setHeader("CamelHttpServletRequest", request);
        assertNoCaller(resolver.resolve(exchange, endpoint));
    }

    @Test
    void anEmptyPrefixTakesEveryAuthority() {
        SpringSecurityCallerResolver everyAuthority = new SpringSecurityCallerResolver(
                DefaultCallerResolver.defaultRoleSources("", ""));
        SecurityContextHolder.getContext().setAuthentication(user("alice", "ROLE_ops", "FACTOR_PASSWORD"));

        assertThat(everyAuthority.resolve(exchange, endpoint).roles()).containsExactlyInAnyOrder("ROLE_ops", "FACTOR_PASSWORD");
    }

    private static void assertNoCaller(Caller caller) {
        assertThat(caller.principal()).isNull();
        assertThat(caller.roles()).isEmpty();
    }

    private static Authentication user(String name, String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.copyOf(AuthorityUtils.createAuthorityList(authorities)));
    }

    private static MockHttpServletRequest requestWith(Authentication authentication) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(authentication));
        return request;
    }
}
