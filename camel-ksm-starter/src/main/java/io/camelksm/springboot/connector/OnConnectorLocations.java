package io.camelksm.springboot.connector;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code camel.component.ksm.connectors} names at least one location, however it is written (a comma
 * separated value or a YAML list, which {@code @ConditionalOnProperty} would not see).
 */
class OnConnectorLocations extends SpringBootCondition {

    static final String PROPERTY = "camel.component.ksm.connectors";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> locations = Binder.get(context.getEnvironment())
                .bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
        boolean any = locations.stream().anyMatch(location -> location != null && !location.isBlank());
        return any ? ConditionOutcome.match(PROPERTY + " names " + locations)
                : ConditionOutcome.noMatch(PROPERTY + " names no location");
    }
}
