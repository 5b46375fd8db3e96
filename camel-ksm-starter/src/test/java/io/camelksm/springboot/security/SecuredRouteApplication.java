package io.camelksm.springboot.security;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.camelksm.access.KsmAccessDeniedException;

/**
 * A Spring Boot application as a user would write it: Spring Security with HTTP Basic and two in-memory users, a
 * platform-http route that asks {@code ksm:} for the Authorization header of an API and answers with it (a test only:
 * it shows which credential ksm: handed out). The component's options are properties: see the test.
 */
@SpringBootApplication
public class SecuredRouteApplication {

    static final String ROUTE_ID = "call-api";
    static final String CREDENTIAL = "TestApi";
    static final String NODE = "test-node";
    static final String ROLE = "api-caller";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice-pw").roles(ROLE).build(),
                User.withUsername("bob").password("{noop}bob-pw").roles("auditor").build());
    }

    @Bean
    RouteBuilder securedRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(KsmAccessDeniedException.class).handled(true)
                        .removeHeaders("*")
                        .setHeader("CamelHttpResponseCode", constant(403))
                        .setBody(constant("denied"));

                from("platform-http:/call").routeId(ROUTE_ID)
                        .to("ksm:" + CREDENTIAL)
                        .setBody(simple("${header.Authorization}"))
                        .removeHeaders("*");
            }
        };
    }
}
