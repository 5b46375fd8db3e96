package io.camelksm.auth.oauth2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelksm.credential.Secret;

/**
 * Makes text from an authorization server (an {@code error_description}, say) safe for messages and logs: any secret
 * of the request it echoes is masked, control characters go (no log forging), and it is cut to a readable length.
 */
final class ServerText {

    static final int MAX_LENGTH = 300;

    private ServerText() {
    }

    static String sanitize(String text, List<Secret> secrets) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (Secret secret : secrets) {
            if (secret.isDestroyed() || secret.isEmpty()) {
                continue;
            }
            String raw = secret.reveal();
            clean = mask(clean, raw);
            clean = mask(clean, URLEncoder.encode(raw, StandardCharsets.UTF_8));
        }
        StringBuilder out = new StringBuilder(Math.min(clean.length(), MAX_LENGTH + 1));
        for (int i = 0; i < clean.length() && out.length() < MAX_LENGTH; i++) {
            char c = clean.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (clean.length() > MAX_LENGTH) {
            out.append('…');
        }
        return out.toString().strip();
    }

    private static String mask(String text, String secret) {
        // secrets of a few characters would mask ordinary words; those are not worth a mask
        return secret.length() < 4 ? text : text.replace(secret, "******");
    }
}
