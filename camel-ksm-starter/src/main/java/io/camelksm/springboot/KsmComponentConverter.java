package io.camelksm.springboot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Turns a {@code #bean:name} (or {@code #name}) property value into the application's bean of that name, for the
 * object options of {@link KsmComponentConfiguration} and its option groups, e.g.
 * {@code camel.component.ksm.credential-store=#bean:vault}.
 * Camel starters' form: any other value is left to Spring's own conversion.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class KsmComponentConverter implements GenericConverter {

    /** The option types a reference may name; keeperClientFactory is an Object and needs no conversion. */
    static final List<Class<?>> REFERENCE_TYPES = List.of(
            io.camelksm.component.KsmAuditConfiguration.class,
            io.camelksm.component.KsmCallerConfiguration.class,
            io.camelksm.component.KsmConfiguration.class,
            io.camelksm.component.KsmDatabaseConfiguration.class,
            io.camelksm.component.KsmKeeperHsmConfiguration.class,
            io.camelksm.component.KsmOAuth2Configuration.class,
            io.camelksm.component.KsmSchemeHsmConfiguration.class,
            io.camelksm.component.KsmStoreConfiguration.class,
            io.camelksm.component.CallerResolver.class,
            io.camelksm.auth.oauth2.OAuth2TokenProvider.class,
            io.camelksm.governance.GovernedCredentials.class,
            io.camelksm.credential.CredentialStore.class,
            java.time.Clock.class,
            javax.sql.DataSource.class);

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        for (Class<?> type : REFERENCE_TYPES) {
            answer.add(new ConvertiblePair(String.class, type));
        }
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        for (Class<?> type : REFERENCE_TYPES) {
            if (type.equals(targetType.getType())) {
                return applicationContext.getBean(ref, type);
            }
        }
        return null;
    }
}
