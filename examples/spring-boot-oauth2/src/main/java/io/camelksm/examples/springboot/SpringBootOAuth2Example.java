package io.camelksm.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * camel-ksm in a Spring Boot application, everything on loopback and embedded defaults:
 * <ul>
 * <li>{@code GET /hello} is a Camel route behind Spring Security (HTTP Basic, users {@code alice} and {@code bob});</li>
 * <li>the route asks {@code ksm:HelloApi} for an access token: the caller is the logged-in user with its roles (the
 * starter's Spring Security caller resolver), and only the role {@code api-caller} may use the credential;</li>
 * <li>{@code ksm:} fetches the token with the OAuth 2.0 client credentials grant from this application's own token
 * endpoint ({@code /oauth2/token}, Spring Authorization Server) and the route calls {@code /api/hello} with it;</li>
 * <li>{@link ExampleCredentialSetup} stores the credential and its access rights when the application has started.</li>
 * </ul>
 */
@SpringBootApplication
public class SpringBootOAuth2Example {

    public static void main(String[] args) {
        SpringApplication.run(SpringBootOAuth2Example.class, args);
    }
}
