package io.camelksm.auth.oauth2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.camelksm.credential.AllowedHosts;

/** Parses and checks a credential's {@code tokenUrl}: secrets are sent there, so only to an absolute https URL. */
final class TokenUrl {

    private TokenUrl() {
    }

    /**
     * @param allowPlainHttp whether http to any host is accepted (http to a loopback host always is)
     * @throws IllegalArgumentException naming what is wrong with the URL
     */
    static URI check(String text, boolean allowPlainHttp) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("tokenUrl is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("tokenUrl must be an absolute https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("tokenUrl must not contain user info (credentials belong in fields)");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("tokenUrl must not have a fragment");
        }
        if (scheme.equals("http") && !allowPlainHttp && !LoopbackHost.isLoopback(url.getHost())) {
            throw new IllegalArgumentException("tokenUrl " + TokenRequest.displayUrl(url) + " uses plain http; "
                    + "secrets are only sent over https (or http to localhost, 127.0.0.0/8 or [::1])");
        }
        return url;
    }

    /**
     * Checks a token URL that replaces the credential's own (an endpoint's or a connector definition's
     * {@code tokenUrl}): the same form as the credential's, on a host the credential's {@code allowedHosts} names; a
     * credential without {@code allowedHosts} only allows its own token URL's scheme, host and port. The client's
     * secret goes with the request, so a route must not be able to point it elsewhere.
     *
     * @throws IllegalArgumentException naming the URL's host, never a secret
     */
    static URI checkOverride(String text, OAuth2Registration registration, boolean allowPlainHttp) {
        URI url = check(text, allowPlainHttp);
        AllowedHosts allowed = registration.allowedHosts();
        if (allowed != null) {
            allowed.check(url.toString());
            return url;
        }
        URI own = registration.tokenUrl();
        if (!origin(url).equals(origin(own))) {
            throw new IllegalArgumentException("tokenUrl override " + TokenRequest.displayUrl(url)
                    + " is not on the credential's own token endpoint " + origin(own)
                    + "; list its host in the credential's " + AllowedHosts.PROPERTY + " to allow it");
        }
        return url;
    }

    /** scheme://host:port, lower case, with the scheme's default port made explicit. */
    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
