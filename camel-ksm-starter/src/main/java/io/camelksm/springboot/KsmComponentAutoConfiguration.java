package io.camelksm.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

import io.camelksm.component.KsmComponent;

/**
 * Auto-configuration of the {@code ksm} component in a Spring Boot application (Camel Spring Boot's form). Skeleton:
 * the properties, converters and beans come next.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass(KsmComponent.class)
public class KsmComponentAutoConfiguration {
}
