package io.camelksm.component;

import org.apache.camel.spi.TypeConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.SimpleTypeConverter;

import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.StoreKind;
import io.camelksm.runtime.TokenSharing;

/**
 * Turns option texts into the enums of the closed options ({@code auditMode=journal}, {@code store=keeper},
 * {@code tokenSharing=cluster}), in any
 * case. Camel's own enum conversion accepts the same texts, but refuses an unknown one without the allowed values;
 * these converters name the option and its values. Loaded by Camel from
 * {@code META-INF/services/org/apache/camel/TypeConverterLoader}.
 */
public final class KsmTypeConverterLoader implements TypeConverterLoader {

    @Override
    public void load(TypeConverterRegistry registry) {
        registry.addTypeConverter(AuditMode.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> AuditMode.parse((String) value)));
        registry.addTypeConverter(StoreKind.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> StoreKind.parse((String) value)));
        registry.addTypeConverter(TokenSharing.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> TokenSharing.parse((String) value)));
    }
}
