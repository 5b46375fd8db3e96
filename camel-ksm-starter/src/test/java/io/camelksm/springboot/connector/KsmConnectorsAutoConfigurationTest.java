package io.camelksm.springboot.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.route.ConnectorRoutes;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.springboot.KsmComponentAutoConfiguration;
import io.camelksm.springboot.KsmComponentConverter;

/**
 * {@code camel.component.ksm.connectors}: the definitions at the locations become routes in the CamelContext (their
 * placeholders resolved from Spring's properties), a bad definition fails the start with its file, line and field,
 * and nothing happens without locations or without camel-ksm-connectors on the class path.
 */
class KsmConnectorsAutoConfigurationTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "starter-test", "node-1", null);
    private static final String TOKEN = "weather-token-1";

    private static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KsmComponentConverter.class,
                    KsmComponentAutoConfiguration.class, KsmConnectorsAutoConfiguration.class))
            .withPropertyValues("camel.main.name=connectors-test", "camel.component.ksm.node-name=node-1");

    @TempDir
    Path tempDir;

    private final WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeEach
    void startApi() {
        api.start();
        api.stubFor(get(urlPathEqualTo("/forecast/Berlin")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"city\":\"Berlin\",\"today\":{\"high\":21}}")));
    }

    @AfterEach
    void stopApi() {
        api.stop();
    }

    @Test
    void theDefinitionsOfADirectoryBecomeRoutesThatCallTheApiWithTheCredential() throws Exception {
        Path definitions = Files.createDirectories(tempDir.resolve("connectors"));
        Files.writeString(definitions.resolve("weather.yaml"), """
                name: weather
                baseUrl: "{{weather.base-url}}"
                authentication:
                  type: bearer
                  credential: Weather
                actions:
                  - name: getForecast
                    method: GET
                    path: /forecast/{city}
                    parameters:
                      - name: city
                        required: true
                    outputs:
                      high: $.today.high
                """);

        RUNNER.withPropertyValues("camel.component.ksm.connectors=file:" + definitions,
                        "camel.component.ksm.database-directory=" + tempDir.resolve("db"),
                        "weather.base-url=http://127.0.0.1:" + api.port())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ConnectorDefinitions.class)
                            .hasSingleBean(ConnectorRoutes.class);
                    CamelContext camel = context.getBean(CamelContext.class);
                    assertThat(camel.getRoute("ksm-connector.weather.getForecast")).isNotNull();

                    storeAndGrant(camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials());
                    Exchange done = camel.createProducerTemplate().send("direct:weather.getForecast",
                            e -> e.getMessage().setHeader("city", "Berlin"));

                    assertThat(done.getException()).isNull();
                    assertThat(done.getMessage().getBody(Map.class)).containsEntry("high", 21);
                    assertThat(done.getMessage().getHeader("Authorization")).isNull();
                });
        api.verify(1, getRequestedFor(urlPathEqualTo("/forecast/Berlin")));
    }

    @Test
    void aBadDefinitionFailsTheStartWithItsFileLineAndField() throws Exception {
        Path bad = tempDir.resolve("broken.yaml");
        Files.writeString(bad, """
                name: broken
                baseUrl: http://127.0.0.1:1
                authentication:
                  type: none
                actions:
                  - name: fetch
                    method: FETCH
                    path: /x
                """);

        RUNNER.withPropertyValues("camel.component.ksm.connectors[0]=file:" + bad,
                        "camel.component.ksm.database-directory=" + tempDir.resolve("db"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable cause = context.getStartupFailure();
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause.getMessage()).contains("broken.yaml:7: actions[0].method");
                });
    }

    @Test
    void withoutLocationsThereAreNoConnectorBeans() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir.resolve("db"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConnectorDefinitions.class)
                        .doesNotHaveBean(ConnectorRoutes.class));
    }

    @Test
    void withoutTheConnectorsModuleTheSettingIsIgnored() {
        RUNNER.withClassLoader(new FilteredClassLoader(ConnectorRoutes.class))
                .withPropertyValues("camel.component.ksm.connectors=classpath:connectors/",
                        "camel.component.ksm.database-directory=" + tempDir.resolve("db"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConnectorDefinitions.class)
                        .doesNotHaveBean("ksmConnectorRoutes"));
    }

    private static void storeAndGrant(GovernedCredentials governed) {
        CredentialName weather = CredentialName.of("Weather");
        governed.create(Credential.builder(weather, CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of(TOKEN)).build(), ADMIN);
        governed.grant(weather, Dimension.ROLE, "*", ADMIN);
        governed.grant(weather, Dimension.PROCESS, "ksm-connector.weather.getForecast", ADMIN);
        governed.grant(weather, Dimension.RESOURCE, "node-1", ADMIN);
    }
}
