package io.camelksm.connector.customauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.camelksm.credential.Secret;

/**
 * Masks the values of one call's secrets in a text (an error message, a URI, a response body echoed back): the value
 * as it is, form- and percent-encoded as it travels in a query or form body, and JSON-escaped as it travels in a JSON
 * body. Longest first, so a value that contains another is masked whole.
 */
public final class SecretScrubber {

    /** What a masked value reads as. */
    public static final String MASK = "******";

    private final List<String> forms;

    private SecretScrubber(List<String> forms) {
        this.forms = forms;
    }

    /** For these secrets; destroyed ones are skipped. */
    public static SecretScrubber of(Collection<Secret> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (Secret secret : secrets) {
            if (secret == null || secret.isDestroyed() || secret.isEmpty()) {
                continue;
            }
            String value = secret.reveal();
            String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
            forms.add(value);
            forms.add(form);
            forms.add(form.replace("+", "%20"));
            forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretScrubber(sorted);
    }

    /** The text with every form of every value replaced by {@value #MASK}; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String form : forms) {
            out = out.replace(form, MASK);
        }
        return out;
    }

    /** Whether the text holds any form of a value. */
    public boolean leaks(String text) {
        return text != null && forms.stream().anyMatch(text::contains);
    }

    @Override
    public String toString() {
        return "SecretScrubber[" + forms.size() + " forms]";
    }
}
