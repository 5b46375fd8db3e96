package io.camelksm.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KsmComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KsmComponentAutoConfiguration.class));

    @Test
    void loadsWithoutAnyProperty() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }
}
