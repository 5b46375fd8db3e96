/**
 * The routes built from definitions: one {@code direct:<connector>.<action>} route per action (authorize through
 * {@code ksm:}, call the API, map outputs by JSONPath, remove {@code Authorization} before the reply).
 */
package io.camelksm.connector.route;
