package io.camelksm.springboot.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContext;

import io.camelksm.component.CallerResolver;
import io.camelksm.component.DefaultCallerResolver;
import io.camelksm.component.PrincipalClassRoleSource;
import io.camelksm.component.SpringAuthenticationRoleSource;
import io.camelksm.springboot.KsmComponentAutoConfiguration;

/**
 * In an application with Spring Security, the {@code ksm} component takes its callers from Spring Security: the
 * {@link SpringSecurityCallerResolver} bean, which Camel autowires into the component. An application's own
 * {@link CallerResolver} bean replaces it. The role options are read from the same properties as the component's
 * ({@code camel.component.ksm.authority-role-prefix}, {@code camel.component.ksm.role-principal-classes}).
 */
@AutoConfiguration(after = KsmComponentAutoConfiguration.class)
@ConditionalOnClass({ SecurityContext.class, CallerResolver.class })
public class KsmSpringSecurityAutoConfiguration {

    static final String AUTHORITY_ROLE_PREFIX = "camel.component.ksm.authority-role-prefix";
    static final String ROLE_PRINCIPAL_CLASSES = "camel.component.ksm.role-principal-classes";

    @Bean
    @ConditionalOnMissingBean(CallerResolver.class)
    public SpringSecurityCallerResolver ksmSpringSecurityCallerResolver(Environment environment) {
        String prefix = environment.getProperty(AUTHORITY_ROLE_PREFIX, SpringAuthenticationRoleSource.DEFAULT_PREFIX);
        String classes = environment.getProperty(ROLE_PRINCIPAL_CLASSES, PrincipalClassRoleSource.DEFAULT_CLASSES);
        return new SpringSecurityCallerResolver(DefaultCallerResolver.defaultRoleSources(classes, prefix));
    }
}
