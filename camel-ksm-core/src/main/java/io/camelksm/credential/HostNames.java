package io.camelksm.credential;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;

/**
 * How a host is compared wherever a credential names hosts ({@link AllowedHosts}, {@link SendTargets}): taken from a
 * parsed URL, never matched as text; lower case, internationalised names in their ASCII (punycode) form, a trailing dot
 * ignored, IPv6 literals in brackets and in one canonical form.
 */
final class HostNames {

    private HostNames() {
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
            host = authority.substring(authority.lastIndexOf('@') + 1);
            if (!host.startsWith("[") && host.lastIndexOf(':') >= 0) {
                host = host.substring(0, host.lastIndexOf(':'));
            }
        }
        return normalize(host, what);
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
