package io.camelksm.examples.rpagateway;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bots' accounts, from {@code rpa-gateway.bots.<name>.password} and {@code .roles}. The password is in Spring
 * Security's encoded form ({@code {bcrypt}$2a$...}; {@code {noop}...} only for the demo). The roles are what
 * {@code ksm:} checks a credential's access rights against.
 */
@ConfigurationProperties(prefix = "rpa-gateway")
public record BotAccounts(Map<String, Bot> bots) {

    public BotAccounts {
        bots = bots == null ? Map.of() : Map.copyOf(bots);
    }

    /** One bot's login. */
    public record Bot(String password, List<String> roles) {

        public Bot {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "Bot[roles=" + roles + "]"; // never the password
        }
    }
}
