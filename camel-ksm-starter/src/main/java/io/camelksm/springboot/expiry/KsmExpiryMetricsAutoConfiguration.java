package io.camelksm.springboot.expiry;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.camelksm.component.KsmComponent;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The days-left gauge of the credentials in use ({@link KsmExpiryMeterBinder}), when the application has Micrometer
 * (micrometer-core is optional for this starter); Spring Boot's metrics auto-configuration binds it to the registries.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({ MeterRegistry.class, KsmComponent.class })
public class KsmExpiryMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CamelContext.class)
    public KsmExpiryMeterBinder ksmExpiryMeterBinder(CamelContext camelContext) {
        return new KsmExpiryMeterBinder(camelContext);
    }
}
