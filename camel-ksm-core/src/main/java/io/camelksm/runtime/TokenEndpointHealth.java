package io.camelksm.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelksm.PartHealth;
import io.camelksm.auth.oauth2.TokenProviderStatistics;

/**
 * The token endpoints' health, read from the token provider's statistics (no endpoint is called): DOWN while the last
 * token request within the window failed and no token was obtained since; UP otherwise, with the failures in the
 * details.
 */
final class TokenEndpointHealth {

    /** How far back a failure makes the token endpoints DOWN. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private TokenEndpointHealth() {
    }

    static PartHealth of(TokenProviderStatistics statistics, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokensFetched", statistics.tokensFetched());
        details.put("failures", statistics.failures());
        details.put("window", WINDOW.toString());
        Instant lastFailure = statistics.lastFailureAt();
        Instant lastToken = statistics.lastTokenAt();
        if (lastFailure != null) {
            details.put("lastFailureAt", lastFailure.toString());
        }
        if (lastToken != null) {
            details.put("lastTokenAt", lastToken.toString());
        }
        boolean recentFailure = lastFailure != null && now.minus(WINDOW).isBefore(lastFailure);
        if (!recentFailure) {
            return PartHealth.up("No token request failed in the last " + WINDOW.toMinutes() + " minutes", details);
        }
        if (lastToken == null || lastToken.isBefore(lastFailure)) {
            return PartHealth.down("Token requests fail: the last one failed at " + lastFailure
                                   + (lastToken == null ? ", no token was obtained yet"
                                           : ", the last token was obtained at " + lastToken), details);
        }
        return PartHealth.up("A token request failed at " + lastFailure + "; tokens were obtained since", details);
    }
}
