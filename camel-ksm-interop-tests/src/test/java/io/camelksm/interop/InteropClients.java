package io.camelksm.interop;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;

/**
 * The OAuth 2.0 clients registered at the authorization server, and what camel-ksm's credentials hold for them: one
 * client per client-authentication method, one whose tokens live only seconds, one that may not ask for the API's
 * scope.
 */
final class InteropClients {

    /** The scope the protected API demands, and one it does not accept. */
    static final String API_SCOPE = "mail.read";
    static final String OTHER_SCOPE = "profile.read";

    static final String BASIC = "ksm-basic";
    static final String POST = "ksm-post";
    static final String PRIVATE_KEY_JWT = "ksm-private-key-jwt";
    static final String CLIENT_SECRET_JWT = "ksm-client-secret-jwt";
    static final String SHORT_LIVED = "ksm-short-lived";
    static final String PROFILE_ONLY = "ksm-profile-only";

    /**
     * A client's secret, with characters that RFC 6749 §2.3.1 form-urlencodes before HTTP Basic: both sides must agree
     * on them. The server wants every client's secret to differ.
     */
    static String secret(String clientId) {
        return "s3cr3t:B@sic/+ %&=" + clientId;
    }
    /** client_secret_jwt signs HS256 under the secret itself: at least 256 bits. */
    static final String HMAC_SECRET = "hs256-shared-secret-of-more-than-32-bytes-0123456789";

    /** The lifetime of the short-lived client's access tokens. */
    static final Duration SHORT_TTL = Duration.ofSeconds(3);

    /** The private_key_jwt client's key pair: the server reads its public half from the client's JWK set URL. */
    static final KeyPair CLIENT_KEY = rsa();
    static final String CLIENT_KEY_ID = "ksm-client-key-1";

    private InteropClients() {
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
