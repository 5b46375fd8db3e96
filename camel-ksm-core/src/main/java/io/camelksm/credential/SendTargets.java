package io.camelksm.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the header or value built from a credential may be sent, from its optional property {@value #PROPERTY}: entries
 * separated by commas or white space, each a host with an optional scheme, port and path prefix, e.g.
 * {@code api.github.com}, {@code graph.microsoft.com/v1.0/}, {@code http://127.0.0.1:8089/api/}. Without a scheme only
 * https; without a port the scheme's default; a path prefix matches whole segments ({@code /v1.0/} allows
 * {@code /v1.0} and {@code /v1.0/me}, not {@code /v1.00}).
 * <p>
 * Every decision is made on a parsed URL, never on text: hosts are compared as in {@link HostNames}; a URL naming a
 * user is refused; where a path prefix is bound, a path with dot segments or an encoded {@code /}, {@code \} or
 * {@code .} is refused (a server could resolve it outside the prefix). Only an administrator sets the property; routes
 * can never change it.
 * <p>
 * Not to be confused with {@link AllowedHosts} ({@code allowedHosts}): that limits the token URL, where an OAuth 2.0
 * credential is exchanged for a token; this limits where the resulting header (or any credential value) goes.
 */
public final class SendTargets {

    /** The property that names the targets. */
    public static final String PROPERTY = "sendTo";

    private static final Pattern UNSAFE_PATH = Pattern.compile("(?i).*(\\\\|%2f|%5c|%2e).*");

    private final List<Target> targets;

    private SendTargets(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /** Whether a property name is {@value #PROPERTY} (in any case: a look-alike must not escape the rules). */
    public static boolean isSendToProperty(String propertyName) {
        return HostNames.isProperty(PROPERTY, propertyName);
    }

    /**
     * The targets the credential names, if it names any.
     *
     * @throws IllegalArgumentException when the property names no target or a malformed one
     */
    public static Optional<SendTargets> of(Credential credential) {
        return HostNames.propertyValue(credential, PROPERTY).map(SendTargets::parse);
    }

    /** Parses a list of targets separated by commas or white space. */
    public static SendTargets parse(String list) {
        List<Target> targets = new ArrayList<>();
        for (String entry : HostNames.entries(list)) {
            targets.add(Target.parse(entry));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("property " + PROPERTY + " names no target");
        }
        return new SendTargets(targets);
    }

    /**
     * Why the credential may not be sent to the URL, or empty when it may. The reason names the scheme, host and port
     * (and the path where a prefix is bound), never the query or a user.
     */
    public Optional<Refusal> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return refused("(unparsable)", "the URL is not valid (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refused("(none)", "the URL is not an absolute http(s) URL");
        }
        String host;
        int port;
        try {
            host = HostNames.hostOf(uri, "the URL");
            port = portOf(uri, scheme); // an internationalised host's port is parsed by hand and may be malformed
        } catch (IllegalArgumentException e) {
            return refused("(malformed)", e.getMessage());
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            return refused(host, "the URL names a user");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        boolean hostMatched = false;
        for (Target target : targets) {
            if (target.scheme.equals(scheme) && target.host.equals(host) && target.port == port) {
                if (target.pathPrefix == null || (isSafePath(path) && target.covers(path))) {
                    return Optional.empty();
                }
                hostMatched = true;
            }
        }
        String where = origin(scheme, host, port) + (hostMatched ? path : "");
        return refused(host, "'" + where + "' is not one of the credential's " + PROPERTY + " " + this
                             + (hostMatched && !isSafePath(path) ? " (a bound path may not hold dot segments or an"
                                                                   + " encoded /, \\ or .)" : ""));
    }

    /** The targets, as written back in normal form (scheme, host, port if not the default, path prefix). */
    public List<String> targets() {
        return targets.stream().map(Target::toString).toList();
    }

    @Override
    public String toString() {
        return targets().toString();
    }

    private static Optional<Refusal> refused(String host, String reason) {
        return Optional.of(new Refusal(host, reason));
    }

    static boolean isSafePath(String rawPath) {
        if (UNSAFE_PATH.matcher(rawPath).matches()) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static int portOf(URI uri, String scheme) {
        return HostNames.portOf(uri, defaultPort(scheme));
    }

    /** scheme://host, with the port only when it is not the scheme's default. */
    private static String origin(String scheme, String host, int port) {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("http") ? 80 : 443;
    }

    /** Why a URL was refused: the host (for the audit record) and the reason in words. Never holds a secret. */
    public record Refusal(String host, String reason) {
    }

    /** One entry: scheme, host, port, and an optional path prefix without its trailing slash. */
    private record Target(String scheme, String host, int port, String pathPrefix) {

        static Target parse(String entry) {
            String where = "property " + PROPERTY + " entry '" + entry + "'";
            URI uri;
            try {
                uri = new URI(entry.contains("://") ? entry : "https://" + entry);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(where + " is not a valid address (" + e.getReason() + ")");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException(where + ": only http and https can be named");
            }
            if (uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
                throw new IllegalArgumentException(where + " must name a host and no user");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(where + " may not have a query or a fragment");
            }
            String host = HostNames.hostOf(uri, where);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!isSafePath(path)) {
                throw new IllegalArgumentException(where + " has dot segments or an encoded /, \\ or . in its path");
            }
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new Target(scheme, host, portOf(uri, scheme), path.isEmpty() ? null : path);
        }

        /** Whole segments: {@code /v1.0} covers {@code /v1.0} and {@code /v1.0/me}, not {@code /v1.00}. */
        boolean covers(String rawPath) {
            return rawPath.equals(pathPrefix) || rawPath.startsWith(pathPrefix + "/");
        }

        @Override
        public String toString() {
            return origin(scheme, host, port) + (pathPrefix == null ? "" : pathPrefix + "/");
        }
    }
}
