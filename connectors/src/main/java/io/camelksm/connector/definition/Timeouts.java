package io.camelksm.connector.definition;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time limits of a connector: {@code http} for the API call (connect and response), {@code authorization} for
 * the authorization server. Written as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}.
 */
public record Timeouts(Duration http, Duration authorization) {

    public static final Duration DEFAULT_HTTP = Duration.ofSeconds(30);
    public static final Duration DEFAULT_AUTHORIZATION = Duration.ofSeconds(10);
    public static final Timeouts DEFAULTS = new Timeouts(DEFAULT_HTTP, DEFAULT_AUTHORIZATION);

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})(ms|s|m|h)");

    public Timeouts {
        http = http == null ? DEFAULT_HTTP : http;
        authorization = authorization == null ? DEFAULT_AUTHORIZATION : authorization;
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; an illegal text throws IllegalArgumentException. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 2m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
