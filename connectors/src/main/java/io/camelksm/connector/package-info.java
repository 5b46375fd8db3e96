/**
 * Web API connectors: {@link io.camelksm.connector.ConnectorDefinitions} loads YAML definitions (class path, directory)
 * and {@code route.ConnectorRoutes} turns each action into a route {@code direct:<connector>.<action>} that authorizes
 * through {@code ksm:}, calls the API and maps its outputs. The format is described in {@code docs/connectors.md}; its
 * JSON Schema is {@code io/camelksm/connector/ksm-connector.schema.json} in this jar.
 */
package io.camelksm.connector;
