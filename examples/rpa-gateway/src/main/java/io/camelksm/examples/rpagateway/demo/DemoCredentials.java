package io.camelksm.examples.rpagateway.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.camelksm.access.AccessRights;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.ConnectorDefinition;
import io.camelksm.credential.AllowedHosts;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.credential.SendTargets;
import io.camelksm.governance.GovernedCredentials;

/**
 * What an administrator does once with {@code ksm-admin}, done here at start through the component's governed
 * credentials (audited like any change, never by SQL): store the four connectors' credentials (under the names their
 * definitions give) with this run's secrets and stand-in URLs, bound to the stand-ins' host, and grant each to the
 * bots' roles, to the connector's routes ({@code ksm-connector.<connector>.<action>}) and to this node.
 * <p>
 * {@code invoice-bot} (role {@value #INVOICES}) may use Microsoft Graph and ServiceNow; {@code hr-bot} (role
 * {@value #HR}) Microsoft Graph, Salesforce and GitHub, but not ServiceNow.
 */
@Component
@Profile("demo")
@Order(1)
public class DemoCredentials implements ApplicationRunner {

    public static final String INVOICES = "invoice-processing";
    public static final String HR = "hr-onboarding";

    private static final Logger LOG = LoggerFactory.getLogger(DemoCredentials.class);
    private static final Map<String, List<String>> ROLES_BY_CONNECTOR = Map.of(
            "microsoft-graph", List.of(INVOICES, HR),
            "servicenow", List.of(INVOICES),
            "salesforce", List.of(HR),
            "github", List.of(HR));

    /** Where each API lives on the stand-ins (DemoApis): the path prefix its credential is bound to. */
    private static final Map<String, String> API_PATHS = Map.of(
            "microsoft-graph", "/graph.microsoft.com/v1.0/",
            "servicenow", "/contoso.service-now.com/",
            "salesforce", "/contoso.my.salesforce.com/",
            "github", "/api.github.com/");

    private final CamelContext camel;
    private final ConnectorDefinitions definitions;
    private final DemoSecrets secrets;
    private final DemoApis apis;

    public DemoCredentials(CamelContext camel, ConnectorDefinitions definitions, DemoSecrets secrets, DemoApis apis) {
        this.camel = camel;
        this.definitions = definitions;
        this.secrets = secrets;
        this.apis = apis;
    }

    @Override
    public void run(ApplicationArguments args) {
        KsmComponent ksm = camel.getComponent("ksm", KsmComponent.class);
        GovernedCredentials credentials = ksm.getGovernedCredentials();
        Caller administrator = new Caller("demo-administrator", Set.of(), "rpa-gateway-demo", ksm.getNodeName(), null);
        ROLES_BY_CONNECTOR.forEach((connector, roles) -> {
            ConnectorDefinition definition = definitions.find(connector).orElseThrow(() -> new IllegalStateException(
                    "The demo needs the connector '" + connector + "' (camel.component.ksm.connectors)"));
            CredentialName name = CredentialName.of(definition.authentication().credential());
            Credential credential = credential(connector, name);
            try {
                store(credentials, credential, administrator);
            } finally {
                credential.destroySecrets();
            }
            AccessRights rights = credentials.rightsOf(name);
            roles.forEach(role -> grantIfMissing(credentials, rights, name, Dimension.ROLE, role, administrator));
            definition.actions().forEach(action -> grantIfMissing(credentials, rights, name, Dimension.PROCESS,
                    "ksm-connector." + connector + "." + action.name(), administrator));
            grantIfMissing(credentials, rights, name, Dimension.RESOURCE, ksm.getNodeName(), administrator);
        });
    }

    private Credential credential(String connector, CredentialName name) {
        Credential.Builder credential = switch (connector) {
            case "microsoft-graph" -> Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                    .description("Microsoft Graph: app registration of the RPA gateway (client credentials)")
                    .field(CredentialField.CLIENT_ID, DemoApis.GRAPH_CLIENT_ID)
                    .secret(CredentialField.CLIENT_SECRET, Secret.of(secrets.graphClientSecret()))
                    .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                    .field(CredentialField.SCOPE, "https://graph.microsoft.com/.default")
                    .field(CredentialField.TOKEN_URL, apis.graphTokenUrl());
            case "salesforce" -> Credential.builder(name, CredentialType.OAUTH2_JWT_BEARER)
                    .description("Salesforce: connected app of the RPA gateway (JWT bearer, certificate key)")
                    .field(CredentialField.ISSUER, DemoApis.SALESFORCE_CONSUMER_KEY)
                    .field(CredentialField.SUBJECT, DemoApis.SALESFORCE_USER)
                    .field(CredentialField.AUDIENCE, SalesforceAssertion.LOGIN_HOST)
                    .field(CredentialField.ALGORITHM, "RS256")
                    .secret(CredentialField.PRIVATE_KEY, Secret.of(secrets.salesforcePrivateKeyPem()))
                    .field(CredentialField.TOKEN_URL, apis.salesforceTokenUrl());
            case "servicenow" -> Credential.builder(name, CredentialType.BASIC)
                    .description("ServiceNow: integration user of the RPA gateway")
                    .field(CredentialField.USERNAME, DemoApis.SERVICENOW_USER)
                    .secret(CredentialField.PASSWORD, Secret.of(secrets.serviceNowPassword()));
            case "github" -> Credential.builder(name, CredentialType.BEARER)
                    .description("GitHub: fine-grained personal access token of the RPA gateway")
                    .secret(CredentialField.TOKEN, Secret.of(secrets.gitHubToken()));
            default -> throw new IllegalArgumentException("No demo credential for connector " + connector);
        };
        // allowedHosts: where the token URL may point (in production e.g. login.microsoftonline.com); sendTo: where the
        // header may go, here the API's own path on the stand-ins (in production e.g. graph.microsoft.com/v1.0/)
        return credential.property(CredentialProperty.plain(AllowedHosts.PROPERTY, "127.0.0.1"))
                .property(CredentialProperty.plain(SendTargets.PROPERTY, apis.url() + API_PATHS.get(connector)))
                .build();
    }

    /** Creates the credential, or replaces the last run's (its secrets and stand-in ports are this run's). */
    private static void store(GovernedCredentials credentials, Credential credential, Caller administrator) {
        Credential stored = credentials.inspect(credential.name()).orElse(null);
        if (stored == null) {
            credentials.create(credential, administrator);
            LOG.info("Stored credential '{}' ({})", credential.name(), credential.type());
            return;
        }
        try {
            credentials.update(credential.toBuilder().version(stored.version()).build(), administrator);
            LOG.info("Renewed credential '{}' ({}) for this run", credential.name(), credential.type());
        } finally {
            stored.destroySecrets();
        }
    }

    private static void grantIfMissing(GovernedCredentials credentials, AccessRights rights, CredentialName name,
            Dimension dimension, String value, Caller administrator) {
        if (!rights.of(dimension).permits(value)) {
            credentials.grant(name, dimension, value, administrator);
        }
    }
}
