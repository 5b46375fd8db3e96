package io.camelksm.cli;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a Keeper one-time access token ({@code REGION:KEY}, or {@code KEY} with a host) before it reaches the SDK, so
 * a malformed token is a clear user error, and says which Keeper host it binds to. Messages never contain the token.
 */
final class OneTimeToken {

    /** The regions the Keeper SDK (17.1.1) maps to hosts; any other prefix is taken as a host name. */
    static final Map<String, String> REGIONS = Map.of("US", "keepersecurity.com", "EU", "keepersecurity.eu", "AU",
            "keepersecurity.com.au", "JP", "keepersecurity.jp", "CA", "keepersecurity.ca", "GOV",
            "govcloud.keepersecurity.us");

    private OneTimeToken() {
    }

    /**
     * The Keeper host the token binds to.
     *
     * @param host the host given for a token without a region prefix, or null
     * @throws UserInputException if the token is malformed (without showing it)
     */
    static String hostOf(String token, String host) {
        String value = token.strip();
        int colon = value.indexOf(':');
        if (colon != value.lastIndexOf(':')) {
            throw malformed("more than one ':'");
        }
        String key = colon < 0 ? value : value.substring(colon + 1);
        String target;
        if (colon < 0) {
            if (host == null || host.isBlank()) {
                throw malformed("no region prefix (such as US: or EU:), and no --host");
            }
            target = host.strip();
        } else {
            String prefix = value.substring(0, colon);
            if (prefix.isBlank()) {
                throw malformed("an empty region before ':'");
            }
            target = REGIONS.getOrDefault(prefix.toUpperCase(Locale.ROOT), prefix);
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw malformed("its key part is not URL-safe Base64");
        }
        int length = decoded.length;
        Arrays.fill(decoded, (byte) 0);
        if (length < 16) {
            throw malformed("its key part is too short (" + length + " bytes)");
        }
        return target;
    }

    private static UserInputException malformed(String why) {
        return new UserInputException("The one-time token is not a Keeper one-time access token (REGION:KEY, e.g."
                                      + " US:..., as Keeper shows it when you add a client device): " + why);
    }
}
