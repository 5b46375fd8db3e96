package io.camelksm.springboot;

import io.camelksm.governance.GovernedCredentials;
import java.time.Clock;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Governed credentials for routes: resolve named credentials, check access rights, audit every decision and build
 * authentication headers.
 *
 * The {@code camel.component.ksm.*} properties: one per component option of the catalog (ksm.json), with its
 * description and default, in the shape camel-package-maven-plugin writes for Camel's own starters (durations are
 * milliseconds as in Camel; object options take a bean of their type or a {@code #bean:name} reference, see
 * {@link KsmComponentConverter}). The names stay flat, as the catalog's, but the fields are grouped as the component
 * groups its options: this class holds the component's own (enabled, lazyStartProducer, autowiredEnabled, clock,
 * governedCredentials); each option group has its own class binding the same prefix: {@link KsmEndpointProperties},
 * {@link KsmDatabaseProperties}, {@link KsmAuditProperties}, {@link KsmCallerProperties}, {@link KsmStoreProperties},
 * {@link KsmKeeperHsmProperties}, {@link KsmSchemeHsmProperties}, {@link KsmOAuth2Properties}.
 * {@link KsmComponentAutoConfiguration#OPTION_GROUPS} lists them, and the customizer copies each onto the component.
 * {@code KsmComponentConfigurationCatalogTest} fails when an option is missing from all of them.
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the ksm component. This is
     * enabled by default.
     */
    private Boolean enabled;
    /**
     * Whether the producer should be started lazy (on the first message). By
     * starting lazy you can use this to allow CamelContext and routes to startup
     * in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then
     * the startup failure can be handled during routing messages via Camel's
     * routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the
     * total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options
     * (the option must be marked as autowired) by looking up in the registry to
     * find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC
     * data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The clock that decides expiry and stamps audit events, when the component
     * builds its own governed credentials, and that times access tokens, when it
     * builds its own token provider. Default: the system clock (UTC). The option
     * is a java.time.Clock type.
     */
    private Clock clock;
    /**
     * The governed credentials service to use instead of opening the database from
     * the database options. The option is a
     * io.camelksm.governance.GovernedCredentials type.
     */
    private GovernedCredentials governedCredentials;

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public GovernedCredentials getGovernedCredentials() {
        return governedCredentials;
    }

    public void setGovernedCredentials(GovernedCredentials governedCredentials) {
        this.governedCredentials = governedCredentials;
    }
}
