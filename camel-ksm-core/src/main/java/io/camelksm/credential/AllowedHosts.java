package io.camelksm.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosts a credential's token URL may name, from its optional property {@value #PROPERTY} (host names separated by
 * commas or spaces, e.g. {@code login.microsoftonline.com, login.example.com}). Hosts are compared exactly after
 * parsing the URL, never as text prefixes ({@link HostNames}): case-insensitive, internationalised names in their ASCII
 * (punycode) form, a trailing dot ignored. No wildcards: every host is named. Only an administrator sets it; routes can never change it.
 * <p>
 * Not to be confused with {@link SendTargets} (property {@value SendTargets#PROPERTY}): this limits where the
 * credential is <em>exchanged for a token</em>; {@code sendTo} limits where the header built from it is <em>sent</em>.
 */
public final class AllowedHosts {

    /** The property that names the allowed hosts. */
    public static final String PROPERTY = "allowedHosts";

    private final Set<String> hosts;

    private AllowedHosts(Set<String> hosts) {
        this.hosts = Collections.unmodifiableSet(hosts);
    }

    /** Whether a property name is {@value #PROPERTY} (in any case: a look-alike must not escape the rules). */
    public static boolean isAllowedHostsProperty(String propertyName) {
        return HostNames.isProperty(PROPERTY, propertyName);
    }

    /**
     * The allowed hosts the credential names, if it names any.
     *
     * @throws IllegalArgumentException when the property names no host or a malformed one
     */
    public static Optional<AllowedHosts> of(Credential credential) {
        return HostNames.propertyValue(credential, PROPERTY).map(AllowedHosts::parse);
    }

    /** Parses a list of host names separated by commas or white space. */
    public static AllowedHosts parse(String list) {
        Set<String> hosts = new TreeSet<>();
        for (String entry : HostNames.entries(list)) {
            hosts.add(HostNames.normalize(entry, "property " + PROPERTY));
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
        return HostNames.hostOf(uri, "tokenUrl");
    }

    @Override
    public String toString() {
        return String.join(", ", hosts);
    }
}
