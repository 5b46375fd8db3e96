package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.StoreKind;
import io.camelksm.runtime.TokenSharing;

/**
 * The component's options after they moved into configuration classes (issue 12): every option name of the catalog
 * stays (the Spring Boot starter maps camel.component.ksm.NAME from it), each catalog default is what a fresh component
 * holds, and the closed options are enums that Camel's property binding fills from lower-case texts.
 */
class KsmComponentOptionsTest {

    private static final String JSON = "META-INF/io/camelksm/component/ksm.json";

    /** The component option names of ksm.json before the options moved (commit 8fb27ff). */
    private static final Set<String> COMPONENT_OPTIONS_BEFORE = Set.of(
            "allowPlainHttp", "assertionLifetime", "audience", "auditJournalDirectory", "auditJournalMaxSize",
            "auditJournalSync", "auditMode", "authorityRolePrefix", "autowiredEnabled", "backoffJitter", "cacheTtl",
            "callTimeout", "callerResolver", "clock", "clockSkew", "configuration", "connectTimeout",
            "credentialStore", "databaseDirectory", "dbConnectionTimeout", "defaultExpiresIn", "evictTokenOn401",
            "field", "fieldsAsHeaders", "fieldsProperty", "governedCredentials", "headerName", "includeScheme",
            "initialBackoff", "jdbcPassword", "jdbcUrl", "jdbcUsername", "keeperClientFactory", "keeperConfigFile",
            "keeperHsmPin", "keeperHsmSettings", "keeperMappingFile", "keyFile", "lazyStartProducer", "maxBackoff",
            "maxResponseBytes", "maxRetries", "maxRetryAfter", "migrateSchema", "nodeName", "oauth2TokenProvider",
            "operation", "process", "propertyName", "propertySecret", "readTimeout", "refreshAhead", "resource",
            "rolePrincipalClasses", "scope", "store", "subject", "tokenEndpointTimeout", "tokenFetchDeadline",
            "writeTimeout");

    /** The endpoint option names of ksm.json before the options moved (commit 8fb27ff). */
    private static final Set<String> ENDPOINT_OPTIONS_BEFORE = Set.of(
            "audience", "credentialName", "evictTokenOn401", "field", "fieldsAsHeaders", "fieldsProperty",
            "headerName", "includeScheme", "lazyStartProducer", "operation", "process", "propertyName",
            "propertySecret", "resource", "scope", "subject");

    /** Endpoint options added since: tokenUrl (issue 14, a connector definition's token endpoint). */
    private static final Set<String> ENDPOINT_OPTIONS_ADDED = Set.of("tokenUrl");

    static JsonObject catalog() throws Exception {
        try (InputStream in = KsmComponentOptionsTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertThat(in).as(JSON + " on the classpath").isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyOptionNameOfTheCatalogStays() throws Exception {
        JsonObject json = catalog();

        assertThat(json.<Map<String, Object>>getMap("componentProperties").keySet())
                .containsAll(COMPONENT_OPTIONS_BEFORE);
        Set<String> endpointOptions = new TreeSet<>(ENDPOINT_OPTIONS_BEFORE);
        endpointOptions.addAll(ENDPOINT_OPTIONS_ADDED);
        assertThat(json.<Map<String, Object>>getMap("properties").keySet())
                .containsExactlyInAnyOrderElementsOf(endpointOptions);
    }

    @Test
    void everyCatalogDefaultIsWhatAFreshComponentHolds() throws Exception {
        KsmComponent fresh = new KsmComponent();
        KsmComponentConfigurer configurer = new KsmComponentConfigurer();
        Map<String, Object> options = catalog().getMap("componentProperties");
        int checked = 0;
        for (Map.Entry<String, Object> e : options.entrySet()) {
            Object catalogDefault = ((JsonObject) e.getValue()).get("defaultValue");
            if (catalogDefault == null) {
                continue;
            }
            Object actual = configurer.getOptionValue(fresh, e.getKey(), false);
            String text = actual instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT)
                    : String.valueOf(actual);
            assertThat(text).as(e.getKey()).isEqualTo(String.valueOf(catalogDefault));
            checked++;
        }
        assertThat(checked).as("options with a default").isGreaterThan(30);
    }

    @Test
    void closedOptionsAreEnumsThatPropertyBindingFillsFromLowerCaseTexts() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            Properties initial = new Properties();
            initial.setProperty("ksm.audit", "summary");
            camel.getPropertiesComponent().setInitialProperties(initial);
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);

            // as Camel Main binds camel.component.ksm.auditMode={{ksm.audit}} and camel.component.ksm.store=keeper
            PropertyBindingSupport.build().withRemoveParameters(false)
                    .bind(camel, component, Map.of("auditMode", "{{ksm.audit}}", "store", "keeper"));

            assertThat(component.getAuditConfiguration().getAuditMode()).isEqualTo(AuditMode.SUMMARY);
            assertThat(component.getStoreConfiguration().getStore()).isEqualTo(StoreKind.KEEPER);
        }
    }

    @Test
    void anUnknownValueFailsNamingTheOptionAndTheAllowedValues() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);

            assertThatThrownBy(() -> PropertyBindingSupport.build().bind(camel, component,
                    Map.of("auditMode", "later")))
                    .hasStackTraceContaining("Unknown auditMode 'later': use auditMode=journal, auditMode=async,"
                                             + " auditMode=sync or auditMode=summary");
            assertThatThrownBy(() -> PropertyBindingSupport.build().bind(camel, component, Map.of("store", "vault")))
                    .hasStackTraceContaining("Unknown store 'vault': use store=database or store=keeper");
            assertThatThrownBy(() -> PropertyBindingSupport.build().bind(camel, component,
                    Map.of("tokenSharing", "everywhere")))
                    .hasStackTraceContaining("Unknown tokenSharing 'everywhere': use tokenSharing=node or"
                                             + " tokenSharing=cluster");
        }
    }

    /** Issue 16: the options of several nodes on one database, set as Camel Main sets them, reach the runtime. */
    @Test
    void changeNoticesAndTokenSharingReachTheRuntimeSettings() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            KsmSettings defaults = component.runtimeSettings();
            assertThat(defaults.changeNotices()).isTrue();
            assertThat(defaults.tokenSharing()).isEqualTo(TokenSharing.NODE);

            PropertyBindingSupport.build().withRemoveParameters(false).bind(camel, component,
                    Map.of("changeNotices", "false", "tokenSharing", "CLUSTER"));

            assertThat(component.getCallerConfiguration().isChangeNotices()).isFalse();
            assertThat(component.getCallerConfiguration().getTokenSharing()).isEqualTo(TokenSharing.CLUSTER);
            KsmSettings settings = component.runtimeSettings();
            assertThat(settings.changeNotices()).isFalse();
            assertThat(settings.tokenSharing()).isEqualTo(TokenSharing.CLUSTER);
        }
    }
}
