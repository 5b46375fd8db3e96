package io.camelksm.component;

/**
 * Route properties by which a route that uses credentials without a {@code ksm:} endpoint in its definition (a
 * connector's route picks the credential at run time, {@code toD}) declares them, so that {@code ksm-admin credential
 * refs} lists them while the route runs:
 * <pre>
 * from("direct:github.getRepository").routeId("ksm-connector.github.getRepository")
 *     .routeProperty(KsmRouteProperties.CREDENTIALS, "GitHub,GitHubReadOnly")
 *     .routeProperty(KsmRouteProperties.REFERENCE_KIND, "CONNECTOR")
 *     .routeProperty(KsmRouteProperties.REFERENCE_LOCATION, "classpath:connectors/github.yaml (github.getRepository)")
 * </pre>
 */
public final class KsmRouteProperties {

    /** The credential names the route uses, separated by commas (a name never holds one). */
    public static final String CREDENTIALS = "ksmCredentials";
    /** ENDPOINT, CONNECTOR or KAMELET; default ENDPOINT. */
    public static final String REFERENCE_KIND = "ksmReferenceKind";
    /** Where the use is declared (a definition file and action, a Kamelet); default the route id. */
    public static final String REFERENCE_LOCATION = "ksmReferenceLocation";

    private KsmRouteProperties() {
    }
}
