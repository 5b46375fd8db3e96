package io.camelksm.component;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.OAuthClientAuthenticationFactory;
import org.apache.camel.spi.OAuthClientConfig;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.CredentialName;

/**
 * Camel's OAuth 2.0 token SPI served from ksm credentials: Camel components with an {@code oauthProfile} option (they
 * call {@code OAuthHelper.resolveOAuthToken(context, profile)}) get the access token of a ksm credential, through the
 * {@code ksm} component's access check, audit and token cache.
 *
 * <p>Camel finds this class through {@code META-INF/services/org/apache/camel/oauth-client-authentication-factory}
 * and makes a new instance for every token, so it keeps no state. A profile maps to a credential thus:
 * <ul>
 * <li>{@code camel.oauth.<profile>.ksm-credential=<credential name>}, else</li>
 * <li>a profile configured for camel-oauth ({@code camel.oauth.<profile>.client-id} set) is handed to camel-oauth's
 * factory when it is on the class path, else</li>
 * <li>the credential named like the profile.</li>
 * </ul>
 * Optional {@code camel.oauth.<profile>.scope}, {@code .audience}, {@code .resource} and {@code .subject} narrow the
 * request as the endpoint options of the same names do. The caller is the process {@value #PROCESS} on the component's
 * node, without roles: grant the credential to it.
 */
public class KsmOAuthClientAuthenticationFactory implements OAuthClientAuthenticationFactory {

    /** The process that OAuth profiles act as when access rights are checked. */
    public static final String PROCESS = "oauthProfile";

    static final String PREFIX = "camel.oauth.";
    static final String CAMEL_OAUTH_FACTORY = "org.apache.camel.oauth.DefaultOAuthClientAuthenticationFactory";

    @Override
    public String resolveToken(CamelContext context, String profileName) throws Exception {
        if (profileName == null || profileName.isBlank()) {
            return resolveToken(context);
        }
        return resolve(context, profileName.strip(), PREFIX + profileName.strip() + ".");
    }

    /** The default profile: {@code camel.oauth.ksm-credential}, or camel-oauth's {@code camel.oauth.client-id}. */
    @Override
    public String resolveToken(CamelContext context) throws Exception {
        return resolve(context, null, PREFIX);
    }

    /**
     * An explicit configuration brings its own client secret, which camel-ksm does not govern: it is handed to
     * camel-oauth's factory when that is on the class path.
     */
    @Override
    public String resolveToken(OAuthClientConfig config) throws Exception {
        Class<?> type = camelOAuthFactory(null);
        if (type == null) {
            throw new KsmException("camel-ksm serves OAuth 2.0 tokens for ksm credentials only (an OAuth profile"
                                   + " naming a credential): an explicit OAuthClientConfig carries its own client"
                                   + " secret, which needs camel-oauth on the class path");
        }
        return ((OAuthClientAuthenticationFactory) type.getDeclaredConstructor().newInstance()).resolveToken(config);
    }

    private String resolve(CamelContext context, String profile, String prefix) throws Exception {
        Optional<String> credential = property(context, prefix + "ksm-credential");
        if (credential.isEmpty() && property(context, prefix + "client-id").isPresent()) {
            return camelOAuth(context, profile, prefix).resolveToken(context, profile);
        }
        if (credential.isEmpty() && profile == null) {
            throw new KsmException("The default OAuth profile names no ksm credential: set " + prefix
                                   + "ksm-credential");
        }
        CredentialName name = CredentialName.of(credential.orElse(profile));
        TokenRequestOptions options = new TokenRequestOptions(property(context, prefix + "scope").orElse(null),
                property(context, prefix + "audience").orElse(null), property(context, prefix + "resource").orElse(null),
                property(context, prefix + "subject").orElse(null));
        return token(context, name, options);
    }

    private static String token(CamelContext context, CredentialName name, TokenRequestOptions options) {
        String asked = "The OAuth token for credential '" + name + "' was asked for";
        return StartedKsm.forProcess(context, PROCESS, asked, true).token(name, options).value().reveal();
    }

    private static OAuthClientAuthenticationFactory camelOAuth(CamelContext context, String profile, String prefix) {
        Class<?> type = camelOAuthFactory(context);
        if (type == null) {
            throw new KsmException("The OAuth profile " + (profile == null ? "(default)" : "'" + profile + "'")
                                   + " is configured for camel-oauth (" + prefix + "client-id), which is not on the class"
                                   + " path; to take its token from a ksm credential set " + prefix + "ksm-credential");
        }
        return (OAuthClientAuthenticationFactory) context.getInjector().newInstance(type);
    }

    /** camel-oauth's factory class, if it is on the class path. */
    private static Class<?> camelOAuthFactory(CamelContext context) {
        if (context != null) {
            return context.getClassResolver().resolveClass(CAMEL_OAUTH_FACTORY);
        }
        try {
            return Class.forName(CAMEL_OAUTH_FACTORY, false, KsmOAuthClientAuthenticationFactory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Optional<String> property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::strip).filter(v -> !v.isEmpty());
    }
}
