package io.camelksm.credential;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The hosts a credential's token URL may name, from its optional property {@value #PROPERTY} (host names separated by
 * commas or spaces, e.g. {@code login.microsoftonline.com, login.example.com}). Hosts are compared exactly after
 * parsing the URL, never as text prefixes: case-insensitive, internationalised names in their ASCII (punycode) form, a
 * trailing dot ignored. No wildcards: every host is named. Only an administrator sets it; routes can never change it.
 */
public final class AllowedHosts {

    /** The property that names the allowed hosts. */
    public static final String PROPERTY = "allowedHosts";

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private final Set<String> hosts;

    private AllowedHosts(Set<String> hosts) {
        this.hosts = Collections.unmodifiableSet(hosts);
    }

    /** Whether a property name is {@value #PROPERTY} (in any case: a look-alike must not escape the rules). */
    public static boolean isAllowedHostsProperty(String propertyName) {
        return PROPERTY.equalsIgnoreCase(propertyName == null ? null : propertyName.strip());
    }

    /**
     * The allowed hosts the credential names, if it names any.
     *
     * @throws IllegalArgumentException when the property names no host or a malformed one
     */
    public static Optional<AllowedHosts> of(Credential credential) {
        for (CredentialProperty property : credential.properties().values()) {
            if (isAllowedHostsProperty(property.name())) {
                return Optional.of(parse(property.value().reveal()));
            }
        }
        return Optional.empty();
    }

    /** Parses a list of host names separated by commas or white space. */
    public static AllowedHosts parse(String list) {
        Set<String> hosts = new TreeSet<>();
        for (String entry : SEPARATORS.split(list == null ? "" : list.strip())) {
            if (!entry.isEmpty()) {
                hosts.add(normalize(entry, "property " + PROPERTY));
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("property " + PROPERTY + " names no host");
        }
        return new AllowedHosts(hosts);
    }

    public Set<String> hosts() {
        return hosts;
    }

    /** Whether the URL's host is one of the allowed hosts. */
    public boolean allows(String url) {
        return hosts.contains(hostOf(url));
    }

    /**
     * Refuses a token URL whose host is not allowed.
     *
     * @throws IllegalArgumentException naming the URL's host and the allowed ones
     */
    public void check(String tokenUrl) {
        String host = hostOf(tokenUrl);
        if (!hosts.contains(host)) {
            throw new IllegalArgumentException("tokenUrl host '" + host + "' is not one of the credential's "
                                               + PROPERTY + " " + hosts);
        }
    }

    /** The normalised host of a URL: parsed, never matched as text. */
    static String hostOf(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("tokenUrl is not a valid URL (" + e.getReason() + ")");
        }
        String host = uri.getHost();
        if (host == null) {
            // an internationalised name is no server-based authority for java.net.URI: take the host out by hand
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new IllegalArgumentException("tokenUrl names no host");
            }
            host = authority.substring(authority.lastIndexOf('@') + 1);
            if (!host.startsWith("[") && host.lastIndexOf(':') >= 0) {
                host = host.substring(0, host.lastIndexOf(':'));
            }
        }
        return normalize(host, "tokenUrl");
    }

    /** Lower case, ASCII (punycode), no trailing dot; IPv6 literals keep their brackets. */
    static String normalize(String host, String where) {
        String h = host.strip();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return h.toLowerCase(Locale.ROOT);
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

    @Override
    public String toString() {
        return String.join(", ", hosts);
    }
}
