package io.camelksm.benchmarks;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Baseline: Spring Security's {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} with an
 * {@link InMemoryClientRegistrationRepository}, an {@link InMemoryOAuth2AuthorizedClientService} and the client
 * credentials provider (its default token response client, a RestClient), as a Spring application without a request
 * context would use it. A processor asks the manager for the client and sets the header.
 */
public final class SpringSecurityContender extends Contender {

    private static final String REGISTRATION = "graph";

    private final Duration clockSkew;
    private final String label;

    /**
     * @param clockSkew the real clock skew of the provider
     * @param label     name in the tables
     */
    public SpringSecurityContender(Duration clockSkew, String label) {
        this.clockSkew = clockSkew;
        this.label = label;
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public String settings() {
        return "ClientCredentialsOAuth2AuthorizedClientProvider clockSkew=" + clockSkew.toMillis() + " ms (real)";
    }

    @Override
    protected void configure(CamelContext context, LoopbackApis apis, String run) throws Exception {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId("bench-" + run).clientSecret("s3cret-" + run)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).tokenUri(apis.tokenUrl(run))
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        ClientCredentialsOAuth2AuthorizedClientProvider provider =
                new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setClockSkew(clockSkew);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(provider);
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal("camel-route").build();
        String api = apis.apiUrl(run);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).routeId("call-" + run)
                        .process(exchange -> {
                            OAuth2AuthorizedClient client = manager.authorize(request);
                            exchange.getMessage().setHeader("Authorization",
                                    "Bearer " + client.getAccessToken().getTokenValue());
                        })
                        .to(api);
            }
        });
    }
}
