package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Component;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * The generated Camel metadata: the component JSON documents every option and header, options are set through the
 * generated configurers (no reflection), and the URI factory and runtime catalog know the component.
 */
class KsmMetadataTest extends KsmCamelTestSupport {

    private static final String JSON = "META-INF/io/camelksm/component/ksm.json";

    private static JsonObject json() throws Exception {
        try (InputStream in = KsmMetadataTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertThat(in).as(JSON + " on the classpath").isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void componentJsonDescribesTheComponent() throws Exception {
        JsonObject component = json().getMap("component");

        assertThat(component.getString("scheme")).isEqualTo("ksm");
        assertThat(component.getString("syntax")).isEqualTo("ksm:credentialName");
        assertThat(component.getString("javaType")).isEqualTo(KsmComponent.class.getName());
        assertThat((boolean) component.getBoolean("producerOnly")).isTrue();
        assertThat(component.getString("label")).isEqualTo("security");
        assertThat(component.getString("description")).isNotBlank();
    }

    @Test
    void everyComponentOptionEndpointOptionAndHeaderHasADescription() throws Exception {
        JsonObject json = json();
        for (String group : new String[] { "componentProperties", "properties", "headers" }) {
            Map<String, Object> options = json.getMap(group);
            assertThat(options).as(group).isNotEmpty();
            options.forEach((name, option) -> assertThat(((JsonObject) option).getString("description"))
                    .as(group + " " + name).isNotBlank());
        }
    }

    @Test
    void expectedOptionsWithDefaultsAndSecretFlags() throws Exception {
        JsonObject json = json();
        Map<String, Object> endpoint = json.getMap("properties");
        assertThat(endpoint).containsOnlyKeys("credentialName", "operation", "headerName", "includeScheme", "process",
                "field", "propertyName", "propertySecret", "fieldsProperty", "fieldsAsHeaders", "scope", "audience",
                "resource", "subject", "tokenUrl", "evictTokenOn401", "lazyStartProducer");
        for (String oauth2 : new String[] { "scope", "audience", "resource", "subject", "tokenUrl",
                                            "evictTokenOn401" }) {
            assertThat(option(endpoint, oauth2).getString("group")).as(oauth2).isEqualTo("oauth2");
        }
        assertThat(option(endpoint, "evictTokenOn401").getBoolean("defaultValue")).isEqualTo(true);
        assertThat(option(endpoint, "credentialName").getBoolean("required")).isEqualTo(true);
        assertThat(option(endpoint, "operation").getString("defaultValue")).isEqualTo("authorize");
        assertThat(option(endpoint, "operation").<List<Object>>getCollection("enum"))
                .containsExactly("authorize", "get", "set", "setProperty");
        assertThat(option(endpoint, "headerName").getString("defaultValue")).isEqualTo("Authorization");
        assertThat(option(endpoint, "fieldsProperty").getString("defaultValue")).isEqualTo("KsmCredential");
        assertThat(option(endpoint, "fieldsAsHeaders").getBoolean("defaultValue")).isEqualTo(false);

        Map<String, Object> component = json.getMap("componentProperties");
        assertThat(component).containsKeys("jdbcUrl", "jdbcUsername", "jdbcPassword", "databaseDirectory", "keyFile",
                "nodeName", "governedCredentials", "callerResolver", "clock", "configuration", "headerName");
        assertThat(option(component, "jdbcPassword").getBoolean("secret")).isEqualTo(true);
        assertThat(option(component, "governedCredentials").getBoolean("autowired")).isEqualTo(true);
        assertThat(option(component, "callerResolver").getBoolean("autowired")).isEqualTo(true);
        assertThat(component).containsKeys("oauth2TokenProvider", "connectTimeout", "readTimeout", "writeTimeout",
                "callTimeout", "tokenEndpointTimeout", "tokenFetchDeadline", "clockSkew", "refreshAhead", "defaultExpiresIn",
                "assertionLifetime", "maxRetries", "initialBackoff", "maxBackoff", "backoffJitter", "maxRetryAfter",
                "maxResponseBytes", "allowPlainHttp");
        assertThat(option(component, "oauth2TokenProvider").getBoolean("autowired")).isEqualTo(true);
        assertThat(option(component, "connectTimeout").getString("type")).isEqualTo("duration");
        assertThat(option(component, "clockSkew").getString("defaultValue")).isEqualTo("60000");
        assertThat(option(component, "maxRetries").getString("defaultValue")).isEqualTo("3");
        assertThat(option(component, "allowPlainHttp").getBoolean("defaultValue")).isEqualTo(false);
        assertThat(option(component, "tokenFetchDeadline").getString("defaultValue")).isEqualTo("20000");
        assertThat(component).containsKeys("store", "credentialStore", "keeperConfigFile", "keeperHsmSettings",
                "keeperHsmPin", "keeperMappingFile", "keeperClientFactory");
        assertThat(option(component, "store").getString("defaultValue")).isEqualTo("database");
        assertThat(option(component, "store").<List<Object>>getCollection("enum")).containsExactly("database", "keeper");
        assertThat(option(component, "keeperHsmPin").getBoolean("secret")).isEqualTo(true);
        assertThat(option(component, "credentialStore").getBoolean("autowired")).as("never replaces the database by"
                + " surprise").isEqualTo(false);
        assertThat(option(component, "keeperMappingFile").getString("group")).isEqualTo("keeper");
        assertThat(option(component, "schemeHsmPin").getBoolean("secret")).isEqualTo(true);
        Set<String> secrets = Set.of("jdbcPassword", "keeperHsmPin", "schemeHsmPin");
        component.keySet().stream().filter(name -> !secrets.contains(name))
                .forEach(name -> assertThat(option(component, name).getBoolean("secret")).as(name).isEqualTo(false));

        assertThat(json.<Map<String, Object>>getMap("headers")).containsKeys(KsmConstants.VALUE, KsmConstants.FIELDS,
                KsmConstants.EXPIRES_AT, KsmConstants.CREDENTIAL_TYPE, KsmConstants.CREDENTIAL_VERSION,
                KsmConstants.USERNAME, KsmConstants.PASSWORD, KsmConstants.TARGET, KsmConstants.PROPERTIES);
    }

    private static JsonObject option(Map<String, Object> options, String name) {
        assertThat(options).containsKey(name);
        return (JsonObject) options.get(name);
    }

    @Test
    void camelFindsTheJsonSchemaAtRunTime() throws Exception {
        String schema = catalog().componentJSonSchema("ksm");

        assertThat(schema).contains("\"scheme\": \"ksm\"").contains("\"credentialName\"");
    }

    @Test
    void endpointOptionsAreSetThroughTheGeneratedConfigurerWithoutReflection() {
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.resetCounters();

        KsmEndpoint endpoint = context.getEndpoint("ksm:Some Api?operation=get&fieldsProperty=creds"
                                                   + "&fieldsAsHeaders=true&process=bot-7&lazyStartProducer=true",
                KsmEndpoint.class);

        KsmConfiguration config = endpoint.getConfiguration();
        assertThat(config.getCredentialName()).isEqualTo("Some Api");
        assertThat(config.getOperation()).isEqualTo(KsmOperation.get);
        assertThat(config.getFieldsProperty()).isEqualTo("creds");
        assertThat(config.isFieldsAsHeaders()).isTrue();
        assertThat(config.getProcess()).isEqualTo("bot-7");
        assertThat(endpoint.isLazyStartProducer()).isTrue();
        assertThat(introspection.getInvokedCounter()).as("reflective calls").isZero();
    }

    @Test
    void componentOptionsAreSetThroughTheGeneratedConfigurer() {
        Component component = context.getComponent("ksm");
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("ksm-component", context);
        assertThat(configurer).isInstanceOf(KsmComponentConfigurer.class);
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.resetCounters();

        assertThat(configurer.configure(context, component, "nodeName", "node-b", true)).isTrue();
        assertThat(configurer.configure(context, component, "headerName", "X-Auth", true)).isTrue();
        assertThat(configurer.configure(context, component, "JDBCURL", "jdbc:h2:mem:x", true)).isTrue();

        KsmComponent ksmComponent = (KsmComponent) component;
        assertThat(ksmComponent.getNodeName()).isEqualTo("node-b");
        assertThat(ksmComponent.getConfiguration().getHeaderName()).isEqualTo("X-Auth");
        assertThat(ksmComponent.getDatabaseConfiguration().getJdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(introspection.getInvokedCounter()).as("reflective calls").isZero();
        // endpoints created from now on start from the component's defaults
        assertThat(context.getEndpoint("ksm:Other", KsmEndpoint.class).getConfiguration().getHeaderName())
                .isEqualTo("X-Auth");
    }

    @Test
    void uriFactoryBuildsUris() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("ksm");

        assertThat(factory).isInstanceOf(KsmEndpointUriFactory.class);
        assertThat(factory.buildUri("ksm", Map.of("credentialName", "MyApi", "operation", "get"), false))
                .isEqualTo("ksm:MyApi?operation=get");
        assertThat(factory.propertyNames()).contains("credentialName", "operation", "headerName");
    }

    @Test
    void runtimeCatalogValidatesOptions() throws Exception {
        RuntimeCamelCatalog catalog = catalog();

        EndpointValidationResult good = catalog.validateProperties("ksm",
                Map.of("credentialName", "MyApi", "operation", "setProperty", "propertyName", "x"));
        assertThat(good.isSuccess()).as(good.summaryErrorMessage(false)).isTrue();
        EndpointValidationResult unknownOption = catalog.validateProperties("ksm",
                Map.of("credentialName", "MyApi", "passwrd", "x"));
        assertThat(unknownOption.getUnknown()).containsExactly("passwrd");
        EndpointValidationResult badEnum = catalog.validateProperties("ksm",
                Map.of("credentialName", "MyApi", "operation", "fetch"));
        assertThat(badEnum.getInvalidEnum()).containsKey("operation");
    }

    private RuntimeCamelCatalog catalog() {
        return context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
    }
}
