package io.camelksm.interop;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A Spring Boot app on loopback that is both a real OAuth 2.0 authorization server (Spring Security's, the token
 * endpoint at {@code /oauth2/token}) and a protected API ({@code /api/mail}, which demands the scope
 * {@value InteropClients#API_SCOPE} in a JWT it validates with the server's own JWK set, fetched over HTTP). It also
 * serves the private_key_jwt client's public key ({@code /client-jwks}), as a client's own JWK set URL would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AuthorizationServerApp.Api.class)
class AuthorizationServerApp {

    /** Access tokens issued per client id: counted where they are minted, not by camel-ksm. */
    static final ConcurrentMap<String, AtomicInteger> ISSUED = new ConcurrentHashMap<>();

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain protectedApi(HttpSecurity http, Environment environment) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/client-jwks").permitAll()
                        .requestMatchers("/api/mail").hasAuthority("SCOPE_" + InteropClients.API_SCOPE)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(jwkSetDecoder(environment))));
        return http.build();
    }

    /** Validates access tokens with the JWK set the server publishes, read over HTTP once the port is known. */
    private static JwtDecoder jwkSetDecoder(Environment environment) {
        return new JwtDecoder() {
            private JwtDecoder decoder;

            @Override
            public Jwt decode(String token) {
                return decoder().decode(token);
            }

            private synchronized JwtDecoder decoder() {
                if (decoder == null) {
                    decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl(environment) + "/oauth2/jwks").build();
                }
                return decoder;
            }
        };
    }

    /** The key the server signs its access tokens with. */
    @Bean
    JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> countIssuedTokens() {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                ISSUED.computeIfAbsent(context.getRegisteredClient().getClientId(), id -> new AtomicInteger())
                        .incrementAndGet();
            }
        };
    }

    /** The clients, registered once the port (and so the private_key_jwt client's JWK set URL) is known. */
    @Bean
    RegisteredClientRepository registeredClients(Environment environment) {
        return new RegisteredClientRepository() {
            private RegisteredClientRepository clients;

            private synchronized RegisteredClientRepository clients() {
                if (clients == null) {
                    clients = new InMemoryRegisteredClientRepository(register(baseUrl(environment)));
                }
                return clients;
            }

            @Override
            public void save(RegisteredClient registeredClient) {
                clients().save(registeredClient);
            }

            @Override
            public RegisteredClient findById(String id) {
                return clients().findById(id);
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return clients().findByClientId(clientId);
            }
        };
    }

    private static List<RegisteredClient> register(String baseUrl) {
        return List.of(
                client(InteropClients.BASIC, ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientSecret("{noop}" + InteropClients.secret(InteropClients.BASIC)).build(),
                client(InteropClients.POST, ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .clientSecret("{noop}" + InteropClients.secret(InteropClients.POST)).build(),
                client(InteropClients.PRIVATE_KEY_JWT, ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                        .clientSettings(ClientSettings.builder().jwkSetUrl(baseUrl + "/client-jwks")
                                .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256).build()).build(),
                // the server verifies the HS256 assertion with the stored secret itself, so it is stored as is
                client(InteropClients.CLIENT_SECRET_JWT, ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                        .clientSecret(InteropClients.HMAC_SECRET)
                        .clientSettings(ClientSettings.builder()
                                .tokenEndpointAuthenticationSigningAlgorithm(MacAlgorithm.HS256).build()).build(),
                client(InteropClients.SHORT_LIVED, ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientSecret("{noop}" + InteropClients.secret(InteropClients.SHORT_LIVED))
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(InteropClients.SHORT_TTL).build())
                        .build(),
                RegisteredClient.withId(InteropClients.PROFILE_ONLY).clientId(InteropClients.PROFILE_ONLY)
                        .clientSecret("{noop}" + InteropClients.secret(InteropClients.PROFILE_ONLY))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope(InteropClients.OTHER_SCOPE).build());
    }

    private static RegisteredClient.Builder client(String clientId, ClientAuthenticationMethod method) {
        return RegisteredClient.withId(clientId).clientId(clientId).clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(InteropClients.API_SCOPE).scope(InteropClients.OTHER_SCOPE);
    }

    static String baseUrl(Environment environment) {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }

    @RestController
    static class Api {

        /** The protected resource: answers who called and with which scopes. */
        @GetMapping("/api/mail")
        Map<String, Object> mail(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("client", jwt.getSubject(), "scope", jwt.getClaimAsStringList("scope"));
        }

        /** The private_key_jwt client's JWK set (public key only). */
        @GetMapping("/client-jwks")
        Map<String, Object> clientJwks() {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) InteropClients.CLIENT_KEY.getPublic())
                    .keyID(InteropClients.CLIENT_KEY_ID).build();
            return new JWKSet(key).toJSONObject();
        }
    }
}
