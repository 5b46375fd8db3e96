package io.camelksm.examples.rpagateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The RPA gateway: bots (Blue Prism, UiPath, ...) call {@code POST /connectors/{connector}/{action}} with their own
 * account instead of holding API secrets themselves.
 * <ul>
 * <li>the starter loads the Web API connector definitions ({@code camel.component.ksm.connectors}) and adds one route
 * {@code direct:<connector>.<action>} per action;</li>
 * <li>{@link ConnectorGatewayController} runs the route on the request's thread, so the starter's Spring Security
 * caller resolver hands the bot's roles to {@code ksm:}, which checks them against the credential's access rights,
 * audits the decision and builds the authentication;</li>
 * <li>the {@code demo} profile ({@code io.camelksm.examples.rpagateway.demo}) seeds four credentials, starts local
 * stand-ins for the four APIs and calls the gateway as two bots.</li>
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RpaGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RpaGatewayApplication.class, args);
    }
}
