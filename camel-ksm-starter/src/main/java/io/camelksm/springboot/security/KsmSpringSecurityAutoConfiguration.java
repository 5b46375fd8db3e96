package io.camelksm.springboot.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContext;

import io.camelksm.component.CallerResolver;
import io.camelksm.component.DefaultCallerResolver;
import io.camelksm.springboot.KsmComponentAutoConfiguration;
import io.camelksm.springboot.KsmCallerProperties;

/**
 * In an application with Spring Security, the {@code ksm} component takes its callers from Spring Security: the
 * {@link SpringSecurityCallerResolver} bean, which Camel autowires into the component. An application's own
 * {@link CallerResolver} bean replaces it. Its role options are the component's properties
 * ({@code camel.component.ksm.authority-role-prefix}, {@code camel.component.ksm.role-principal-classes}).
 */
@AutoConfiguration(after = KsmComponentAutoConfiguration.class)
@ConditionalOnClass({ SecurityContext.class, CallerResolver.class })
public class KsmSpringSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CallerResolver.class)
    public SpringSecurityCallerResolver ksmSpringSecurityCallerResolver(
            ObjectProvider<KsmCallerProperties> properties) {
        // without the component's auto-configuration (switched off), the options' defaults
        KsmCallerProperties options = properties.getIfAvailable(KsmCallerProperties::new);
        return new SpringSecurityCallerResolver(DefaultCallerResolver.defaultRoleSources(
                options.getRolePrincipalClasses(), options.getAuthorityRolePrefix()));
    }
}
