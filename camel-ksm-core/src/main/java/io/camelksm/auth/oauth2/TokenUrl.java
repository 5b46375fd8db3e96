package io.camelksm.auth.oauth2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

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
}
