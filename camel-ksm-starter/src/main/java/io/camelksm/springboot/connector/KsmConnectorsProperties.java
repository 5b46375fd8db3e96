package io.camelksm.springboot.connector;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.ksm.connectors}: where the Web API connector definitions are. A starter property, not a
 * component option: the component never sees it (its own class, so the customizer does not copy it onto the
 * component); {@link KsmConnectorsAutoConfiguration} loads the definitions and adds their routes.
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmConnectorsProperties {

    /**
     * Where the Web API connector definitions (YAML) are loaded from, when camel-ksm-connectors is on the class path:
     * a class path folder (classpath:connectors/), a directory (file:/etc/ksm/connectors) or single files. Every
     * action of every definition becomes a route direct:connector.action. A definition that does not load stops the
     * application with its file, line and field. Default: none (no connector routes).
     */
    private List<String> connectors = new ArrayList<>();

    public List<String> getConnectors() {
        return connectors;
    }

    public void setConnectors(List<String> connectors) {
        this.connectors = connectors;
    }
}
