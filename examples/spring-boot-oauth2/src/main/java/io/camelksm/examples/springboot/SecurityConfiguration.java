package io.camelksm.examples.springboot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three doors: the token endpoint (OAuth 2.0 client authentication), the API (access tokens from that endpoint only)
 * and everything else (HTTP Basic for the two users; the health endpoint open).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The role that may use the credential {@code HelloApi}; {@code alice} has it, {@code bob} has not. */
    public static final String API_CALLER = "api-caller";

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_hello.read"))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain users(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Passwords in the source only to keep the example self-contained. */
    @Bean
    UserDetailsService exampleUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice-password").roles(API_CALLER).build(),
                User.withUsername("bob").password("{noop}bob-password").roles("auditor").build());
    }
}
