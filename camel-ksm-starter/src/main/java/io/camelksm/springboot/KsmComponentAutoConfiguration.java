package io.camelksm.springboot;

import java.time.Clock;
import java.util.List;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.camelksm.component.KsmComponent;
import io.camelksm.credential.CredentialStore;

/**
 * Auto-configuration of the {@code ksm} component in a Spring Boot application, in Camel Spring Boot's form: a
 * {@link ComponentCustomizer} copies the {@code camel.component.ksm.*} properties ({@link KsmComponentConfiguration}
 * and the classes of its option groups, {@link #OPTION_GROUPS}) onto the component when Camel creates it. The application's own parts become the component's: a
 * {@code CallerResolver}, {@code OAuth2TokenProvider} or {@code GovernedCredentials} bean through Camel's autowiring,
 * a single {@link Clock} bean and a {@link CredentialStore} bean named {@value #CREDENTIAL_STORE_BEAN} through the
 * customizer (a property naming another bean wins). The store is only taken by that name: a store bean made for
 * something else never replaces the database by surprise.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, KsmComponentConverter.class})
@ConditionalOnClass(KsmComponent.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, KsmComponentConfiguration.class,
        KsmEndpointProperties.class, KsmDatabaseProperties.class, KsmAuditProperties.class, KsmCallerProperties.class,
        KsmStoreProperties.class, KsmKeeperHsmProperties.class, KsmSchemeHsmProperties.class,
        KsmOAuth2Properties.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.ksm"})
public class KsmComponentAutoConfiguration {

    /** The name of the application bean that becomes the component's credential store. */
    public static final String CREDENTIAL_STORE_BEAN = "ksmCredentialStore";

    /** The classes of the option groups, each binding {@code camel.component.ksm} (enabled above as well). */
    static final List<Class<?>> OPTION_GROUPS = List.of(KsmEndpointProperties.class, KsmDatabaseProperties.class,
            KsmAuditProperties.class, KsmCallerProperties.class, KsmStoreProperties.class, KsmKeeperHsmProperties.class,
            KsmSchemeHsmProperties.class, KsmOAuth2Properties.class);

    private final ApplicationContext applicationContext;
    private final KsmComponentConfiguration configuration;
    private final KsmStoreProperties store;

    public KsmComponentAutoConfiguration(ApplicationContext applicationContext,
            KsmComponentConfiguration configuration, KsmStoreProperties store) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
        this.store = store;
    }

    @Lazy
    @Bean
    @ConditionalOnMissingBean(name = "configureKsmComponent")
    public ComponentCustomizer configureKsmComponent(ObjectProvider<Clock> clocks) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
                for (Class<?> group : OPTION_GROUPS) {
                    CamelPropertiesHelper.copyProperties(target.getCamelContext(), applicationContext.getBean(group),
                            target);
                }
                applicationParts((KsmComponent) target, clocks);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.ksm.customizer") && target instanceof KsmComponent;
            }
        };
    }

    /** The parts Camel does not autowire: the application's clock and its store of the dedicated name. */
    private void applicationParts(KsmComponent component, ObjectProvider<Clock> clocks) {
        if (configuration.getClock() == null) {
            Clock clock = clocks.getIfUnique();
            if (clock != null) {
                component.setClock(clock);
            }
        }
        if (store.getCredentialStore() == null && store.getStoreConfiguration() == null
                && applicationContext.containsBean(CREDENTIAL_STORE_BEAN)) {
            component.getStoreConfiguration()
                    .setCredentialStore(applicationContext.getBean(CREDENTIAL_STORE_BEAN, CredentialStore.class));
        }
    }
}
