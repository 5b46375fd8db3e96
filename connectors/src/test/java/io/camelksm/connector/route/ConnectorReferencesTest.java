package io.camelksm.connector.route;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.component.KsmComponent;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.ConnectorDefinitionReader;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReference.Kind;
import io.camelksm.credential.CredentialType;
import io.camelksm.governance.GovernedCredentials;

/**
 * A connector's started routes register the credentials of their definition (the default and those a caller may
 * pick) as CONNECTOR uses, per action route, in camel-ksm's database; the last use follows the calls, and the
 * {@code ksm:} call inside the route adds no second row.
 */
class ConnectorReferencesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String GITHUB = """
            name: github
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: bearer
              credential: GitHub
              allowedCredentials: [GitHub, GitHubReadOnly]
            actions:
              - name: getRepository
                method: GET
                path: /repos/{owner}
                parameters:
                  - { name: owner, required: true }
              - name: raw
                method: GET
                path: /raw
            """;

    @TempDir
    Path tempDir;

    private DefaultCamelContext camel;

    @BeforeEach
    void startConnector() throws Exception {
        camel = new DefaultCamelContext();
        KsmComponent component = new KsmComponent();
        PropertyBindingSupport.build().withRemoveParameters(false).bind(camel, component, Map.of(
                "databaseDirectory", tempDir.toString(), "keyFile", tempDir.resolve("ksm.key").toString(),
                "auditMode", "sync", "nodeName", "node-a"));
        camel.addComponent("ksm", component);
        camel.addRoutes(new ConnectorRoutes(ConnectorDefinitions.of(List.of(
                ConnectorDefinitionReader.read("github.yaml", GITHUB.formatted(api.getPort()))))));
        camel.start();
        GovernedCredentials governed = component.runtime().credentials();
        Caller admin = new Caller("admin", Set.of(), "ksm-admin", "node-a", null);
        for (String name : List.of("GitHub", "GitHubReadOnly")) {
            governed.create(Credential.builder(name, CredentialType.BEARER).value(CredentialField.TOKEN, "t-" + name)
                    .build(), admin);
            for (Dimension d : Dimension.values()) {
                governed.grant(CredentialName.of(name), d, Restriction.ANY_WORD, admin);
            }
        }
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    private List<CredentialReference> references(String name) {
        return camel.getComponent("ksm", KsmComponent.class).runtime().references().list(CredentialName.of(name));
    }

    @Test
    void everyActionRouteRegistersTheDefaultAndTheOfferedCredentials() {
        for (String name : List.of("GitHub", "GitHubReadOnly")) {
            assertThat(references(name)).extracting(CredentialReference::kind, CredentialReference::location,
                    CredentialReference::routeId, CredentialReference::node).containsExactlyInAnyOrder(
                    tuple(Kind.CONNECTOR, "github.yaml (connector github, action getRepository)",
                            "ksm-connector.github.getRepository", "node-a"),
                    tuple(Kind.CONNECTOR, "github.yaml (connector github, action raw)",
                            "ksm-connector.github.raw", "node-a"));
        }
    }

    @Test
    void aCallSetsTheLastUseOfTheCredentialItPickedAndAddsNoEndpointRow() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{}")));

        Exchange out = camel.createProducerTemplate().request("direct:github.getRepository",
                e -> e.getMessage().setHeader("owner", "o"));

        assertThat(out.getException()).isNull();
        assertThat(references("GitHub")).hasSize(2).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.CONNECTOR))
                .filteredOn(r -> r.lastUsed() != null).extracting(CredentialReference::routeId)
                .containsExactly("ksm-connector.github.getRepository");
        assertThat(references("GitHubReadOnly")).extracting(CredentialReference::lastUsed).containsOnlyNulls();
    }

    @Test
    void stoppedRoutesMarkTheirRowsStopped() throws Exception {
        assertThat(references("GitHub")).hasSize(2).allSatisfy(r -> assertThat(r.running()).isTrue());

        camel.getRouteController().stopAllRoutes();

        assertThat(references("GitHub")).hasSize(2).allSatisfy(r -> assertThat(r.running()).isFalse());
    }
}
