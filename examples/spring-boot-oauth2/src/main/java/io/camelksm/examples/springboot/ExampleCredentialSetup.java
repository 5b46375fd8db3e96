package io.camelksm.examples.springboot;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.camelksm.access.AccessRights;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;

/**
 * What an operator does once with {@code ksm-admin}, done here when the application has started, through the started
 * component's governed credentials (audited like any change): store the OAuth 2.0 client credential {@code HelloApi}
 * unless it is there (and point it at this run's token endpoint), and grant it to the role {@code api-caller}, the
 * route and this node, granting only what is missing.
 */
@Component
public class ExampleCredentialSetup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleCredentialSetup.class);

    private final CamelContext camel;
    private final Environment environment;
    private final String clientId;
    private final String clientSecret;

    public ExampleCredentialSetup(CamelContext camel, Environment environment,
                                  @Value("${example.client-id}") String clientId,
                                  @Value("${example.client-secret}") String clientSecret) {
        this.camel = camel;
        this.environment = environment;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public void run(ApplicationArguments args) {
        KsmComponent ksm = camel.getComponent("ksm", KsmComponent.class);
        GovernedCredentials credentials = ksm.getGovernedCredentials();
        Caller operator = new Caller(System.getProperty("user.name"), Set.of(), "spring-boot-oauth2-example",
                ksm.getNodeName(), null);
        CredentialName name = CredentialName.of(ExampleRoutes.CREDENTIAL);
        String tokenUrl = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + "/oauth2/token";

        Credential stored = credentials.inspect(name).orElse(null);
        if (stored == null) {
            Credential credential = Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                    .description("The example's local API")
                    .field(CredentialField.CLIENT_ID, clientId)
                    .secret(CredentialField.CLIENT_SECRET, Secret.of(clientSecret))
                    .field(CredentialField.SCOPE, "hello.read")
                    .field(CredentialField.TOKEN_URL, tokenUrl)
                    .build();
            credentials.create(credential, operator);
            credential.destroySecrets();
            LOG.info("Stored credential '{}' (OAuth 2.0 client credentials, client {}, token URL {})", name, clientId,
                    tokenUrl);
        } else {
            try {
                if (!tokenUrl.equals(stored.field(CredentialField.TOKEN_URL).orElse(null))) {
                    // the server's port may differ from the last run's
                    credentials.update(stored.toBuilder().field(CredentialField.TOKEN_URL, tokenUrl).build(), operator);
                    LOG.info("Pointed credential '{}' at this run's token endpoint {}", name, tokenUrl);
                }
            } finally {
                stored.destroySecrets();
            }
        }

        AccessRights rights = credentials.rightsOf(name);
        grantIfMissing(credentials, rights, name, Dimension.ROLE, SecurityConfiguration.API_CALLER, operator);
        grantIfMissing(credentials, rights, name, Dimension.PROCESS, ExampleRoutes.ROUTE_ID, operator);
        grantIfMissing(credentials, rights, name, Dimension.RESOURCE, ksm.getNodeName(), operator);
    }

    private static void grantIfMissing(GovernedCredentials credentials, AccessRights rights, CredentialName name,
                                       Dimension dimension, String value, Caller operator) {
        if (!rights.of(dimension).permits(value)) {
            credentials.grant(name, dimension, value, operator);
            LOG.info("Granted {} '{}' on '{}'", dimension.label(), value, name);
        }
    }
}
