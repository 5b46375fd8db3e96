package io.camelksm.springboot.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.context.SecurityContext;

import io.camelksm.component.CallerResolver;
import io.camelksm.component.DefaultCallerResolver;
import io.camelksm.component.SpringAuthenticationRoleSource;
import io.camelksm.springboot.KsmCallerProperties;

class KsmSpringSecurityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KsmSpringSecurityAutoConfiguration.class))
            .withUserConfiguration(BoundProperties.class);

    @EnableConfigurationProperties(KsmCallerProperties.class)
    static class BoundProperties {
    }

    @Test
    void withSpringSecurityTheCallerResolverIsSpringSecuritys() {
        runner.run(context -> assertThat(prefix(context.getBean(CallerResolver.class))).isEqualTo("ROLE_"));
    }

    @Test
    void theRolePrefixIsTheComponentsProperty() {
        runner.withPropertyValues("camel.component.ksm.authority-role-prefix=GROUP_")
                .run(context -> assertThat(prefix(context.getBean(CallerResolver.class))).isEqualTo("GROUP_"));
    }

    @Test
    void theRolePrefixMayBeEmptyOrCamelCase() {
        runner.withPropertyValues("camel.component.ksm.authorityRolePrefix=")
                .run(context -> assertThat(prefix(context.getBean(CallerResolver.class))).isEmpty());
    }

    @Test
    void withoutTheComponentsPropertiesTheDefaultPrefix() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KsmSpringSecurityAutoConfiguration.class))
                .withPropertyValues("camel.component.ksm.authority-role-prefix=GROUP_")
                .run(context -> assertThat(prefix(context.getBean(CallerResolver.class))).isEqualTo("ROLE_"));
    }

    @Test
    void anApplicationsOwnResolverWins() {
        CallerResolver own = new DefaultCallerResolver();
        runner.withBean(CallerResolver.class, () -> own)
                .run(context -> assertThat(context.getBean(CallerResolver.class)).isSameAs(own));
    }

    @Test
    void withoutSpringSecurityNothingIsAdded() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContext.class))
                .run(context -> assertThat(context).doesNotHaveBean(CallerResolver.class));
    }

    private static String prefix(CallerResolver resolver) {
        assertThat(resolver).isInstanceOf(SpringSecurityCallerResolver.class);
        return ((SpringSecurityCallerResolver) resolver).getRoleSources().stream()
                .filter(SpringAuthenticationRoleSource.class::isInstance)
                .map(source -> ((SpringAuthenticationRoleSource) source).prefix())
                .findFirst().orElseThrow();
    }
}
