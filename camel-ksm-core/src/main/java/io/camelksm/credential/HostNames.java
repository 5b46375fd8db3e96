package io.camelksm.credential;

import java.net.IDN;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a host is compared wherever a credential names hosts ({@link AllowedHosts}, {@link SendTargets}): taken from a
 * parsed URL, never matched as text; lower case, internationalised names in their ASCII (punycode) form, a trailing dot
 * ignored, IPv6 literals in brackets and in one canonical form. Also how such a property is found on a credential (its
 * name in any case) and split into entries (commas or white space).
 */
final class HostNames {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private HostNames() {
    }

    /** Whether a property name is {@code property} in any case: a look-alike must not escape the rules. */
    static boolean isProperty(String property, String propertyName) {
        return property.equalsIgnoreCase(propertyName == null ? null : propertyName.strip());
    }

    /** The value of the credential's property of that name (in any case), if it has one. */
    static Optional<String> propertyValue(Credential credential, String property) {
        for (CredentialProperty p : credential.properties().values()) {
            if (isProperty(property, p.name())) {
                return Optional.of(p.value().reveal());
            }
        }
        return Optional.empty();
    }

    /** The non-empty entries of a list separated by commas or white space. */
    static List<String> entries(String list) {
        return SEPARATORS.splitAsStream(list == null ? "" : list.strip()).filter(e -> !e.isEmpty()).toList();
    }

    /** The normalised host of a parsed URL; {@code what} names the URL in errors (e.g. "tokenUrl"). */
    static String hostOf(URI uri, String what) {
        String host = uri.getHost();
        if (host == null) {
            // an internationalised name is no server-based authority for java.net.URI: take the host out by hand
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new IllegalArgumentException(what + " names no host");
            }
            host = afterUser(authority);
            if (!host.startsWith("[") && host.lastIndexOf(':') >= 0) {
                host = host.substring(0, host.lastIndexOf(':'));
            }
        }
        return normalize(host, what);
    }

    /**
     * The port of a parsed URL, or {@code defaultPort} when it names none; an internationalised name's port is taken
     * out by hand, as in {@link #hostOf}.
     *
     * @throws IllegalArgumentException when the port is malformed
     */
    static int portOf(URI uri, int defaultPort) {
        int port = uri.getPort();
        if (uri.getHost() == null && uri.getRawAuthority() != null) {
            String hostPort = afterUser(uri.getRawAuthority());
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && !hostPort.endsWith("]")) {
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the URL has a malformed port");
                }
            }
        }
        return port == -1 ? defaultPort : port;
    }

    /** The host and port of a raw authority: what follows the last {@code @}. */
    private static String afterUser(String rawAuthority) {
        return rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
    }

    /** Lower case, ASCII (punycode), no trailing dot; IPv6 literals keep their brackets, in canonical form. */
    static String normalize(String host, String where) {
        String h = host.strip();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return "[" + ipv6(h.substring(1, h.length() - 1), host, where) + "]";
        }
        try {
            h = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " has a malformed host name '" + host.strip() + "'");
        }
        if (h.isEmpty()) {
            throw new IllegalArgumentException(where + " has an empty host name");
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one host: parsed as a literal (never looked up), then printed. */
    private static String ipv6(String literal, String host, String where) {
        if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException(where + " has a malformed IPv6 address '" + host.strip() + "'");
        }
        try {
            return java.net.InetAddress.getByName("[" + literal + "]").getHostAddress().toLowerCase(Locale.ROOT);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(where + " has a malformed IPv6 address '" + host.strip() + "'");
        }
    }
}
