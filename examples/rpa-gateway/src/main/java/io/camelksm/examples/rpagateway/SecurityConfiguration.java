package io.camelksm.examples.rpagateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every call needs a bot's login (HTTP Basic, no session: a bot sends it with each call); only the health endpoint is
 * open. The account's roles become {@code ROLE_<role>} authorities, which the starter's caller resolver hands to
 * {@code ksm:} as the caller's roles.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain bots(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no browser, no cookie: every call carries its credentials
                .build();
    }

    @Bean
    UserDetailsService botAccounts(BotAccounts accounts) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        accounts.bots().forEach((name, bot) -> {
            UserDetails user = User.withUsername(name).password(bot.password())
                    .roles(bot.roles().toArray(String[]::new)).build();
            users.createUser(user);
        });
        return users;
    }
}
