package io.camelksm.springboot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.camelksm.component.KsmComponent;

/**
 * camel-ksm's Micrometer meters ({@code ksm.*}) when the application has Micrometer: a {@link KsmMeterBinder} over the
 * {@code ksm} component of the Camel context, which Spring Boot binds to its meter registries.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({ MeterRegistry.class, KsmComponent.class })
@ConditionalOnBean(CamelContext.class)
public class KsmMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public KsmMeterBinder ksmMeterBinder(CamelContext camelContext) {
        return new KsmMeterBinder(() -> {
            KsmComponent component = camelContext.hasComponent("ksm") instanceof KsmComponent ksm ? ksm : null;
            return component == null ? null : component.runtime();
        });
    }

    /** The component opens its runtime when the Camel context starts: its decision counters are added then. */
    @Bean
    public CamelContextConfiguration ksmMeterBinderStart(KsmMeterBinder binder) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                // nothing opened yet
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                binder.watchDecisions();
            }
        };
    }
}
