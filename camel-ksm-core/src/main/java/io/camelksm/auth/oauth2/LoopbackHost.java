package io.camelksm.auth.oauth2;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a token URL's host is loopback, so that plain {@code http} may carry secrets to it: only
 * {@code localhost}, an IPv4 literal in 127.0.0.0/8 and the IPv6 literal {@code ::1} count. The decision is made on
 * the parsed address, never on a text prefix ({@code 127.attacker.example} is a DNS name, not loopback), and never
 * resolves a name: a strict literal check comes first, then {@link InetAddress} parses the literal.
 */
final class LoopbackHost {

    /** Four decimal octets, no leading zeros (which some parsers read as octal), no hex or shortened forms. */
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** What an IPv6 literal may contain between its brackets; no zone id. */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private LoopbackHost() {
    }

    /** @param host the host as {@link java.net.URI#getHost()} returns it (IPv6 literals in brackets) */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        String literal;
        if (DOTTED_QUAD.matcher(host).matches()) {
            literal = host;
        } else if (host.startsWith("[") && host.endsWith("]")
                   && IPV6_CHARS.matcher(host.substring(1, host.length() - 1)).matches()
                   && host.indexOf(':') >= 0) {
            literal = host.substring(1, host.length() - 1);
        } else {
            return false; // a DNS name (whatever it starts with) or an unusual spelling of an address
        }
        try {
            // a checked literal: InetAddress parses it and does not ask DNS
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
