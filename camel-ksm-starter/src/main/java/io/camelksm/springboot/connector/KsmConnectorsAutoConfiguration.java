package io.camelksm.springboot.connector;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.route.ConnectorRoutes;
import io.camelksm.springboot.KsmComponentAutoConfiguration;

/**
 * Web API connectors in a Spring Boot application with camel-ksm-connectors on the class path (an optional dependency
 * of this starter): when {@code camel.component.ksm.connectors} names locations, the definitions found there are
 * loaded at start (a bad one fails the start with the loader's {@code file:line: field: problem}) and become the
 * {@link ConnectorRoutes} bean, which Camel Spring Boot adds to the CamelContext like any {@code RouteBuilder} bean.
 * The {@link ConnectorDefinitions} bean tells the application which connectors, actions and parameters there are.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, KsmComponentAutoConfiguration.class })
@ConditionalOnClass({ ConnectorDefinitions.class, ConnectorRoutes.class })
@Conditional(OnConnectorLocations.class)
@EnableConfigurationProperties(KsmConnectorsProperties.class)
public class KsmConnectorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ConnectorDefinitions ksmConnectorDefinitions(KsmConnectorsProperties properties) {
        return ConnectorDefinitions.load(properties.getConnectors().stream()
                .filter(location -> location != null && !location.isBlank())
                .toArray(String[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    public ConnectorRoutes ksmConnectorRoutes(ConnectorDefinitions definitions) {
        return new ConnectorRoutes(definitions);
    }
}
