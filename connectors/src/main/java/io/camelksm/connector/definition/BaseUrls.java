package io.camelksm.connector.definition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for base and token URLs: absolute, https, or plain http only to a loopback host. */
public final class BaseUrls {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BaseUrls() {
    }

    /** What is wrong with the URL, or empty when it may be called. The URL is no secret (it is in the definition). */
    public static Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http(s) URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a query or a fragment (use parameters)");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of("plain http is allowed only to a loopback host (localhost, 127.0.0.0/8, ::1); use https");
        }
        return Optional.empty();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
    }

    /** The URL with Camel placeholders {@code {{key:default}}} replaced by their default, or empty if one has none. */
    public static Optional<String> withPlaceholderDefaults(String url) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int open = url.indexOf("{{", from);
            if (open < 0) {
                return Optional.of(out.append(url.substring(from)).toString());
            }
            int close = url.indexOf("}}", open);
            if (close < 0) {
                return Optional.empty();
            }
            String inner = url.substring(open + 2, close);
            int colon = inner.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            out.append(url, from, open).append(inner.substring(colon + 1));
            from = close + 2;
        }
    }
}
