package io.camelksm.connector.route;

import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Basic authentication with {@code preemptive: false}: the first request goes without {@code Authorization}; only when
 * the API answers {@code 401} with a {@code WWW-Authenticate: Basic} challenge is the request sent once more, with the
 * header {@code ksm:} builds. Any other answer (also a 401 asking for another scheme) goes on as it is, and the
 * credential is never read.
 */
final class BasicChallenge {

    /** A challenge whose scheme is Basic: at the start of the value or after a comma (RFC 9110 section 11.6.1). */
    private static final Pattern BASIC = Pattern.compile("(^|,)\\s*basic(\\s|,|$)");

    private static final int UNAUTHORIZED = 401;

    private BasicChallenge() {
    }

    /** After the first call: whether the API answered 401 with a Basic challenge. */
    static boolean challenged(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) != UNAUTHORIZED) {
            return false;
        }
        Object challenges = message.getHeader("WWW-Authenticate");
        if (challenges instanceof Iterable<?> values) {
            for (Object value : values) {
                if (isBasic(value)) {
                    return true;
                }
            }
            return false;
        }
        return isBasic(challenges);
    }

    private static boolean isBasic(Object challenge) {
        return challenge != null && BASIC.matcher(String.valueOf(challenge).toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Before the retry: the first answer's headers and body go ({@link RequestWriter} writes the request again); the
     * Camel headers the caller resolution reads (such as {@code CamelAuthentication}) stay.
     */
    static void forgetAnswer(Exchange exchange) {
        Message message = exchange.getMessage();
        RequestPreparation.removeHeadersNotForTheApi(message);
        message.setBody(null);
    }
}
