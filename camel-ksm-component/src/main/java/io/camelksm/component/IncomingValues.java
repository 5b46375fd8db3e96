package io.camelksm.component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.apache.camel.Message;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.DisplayText;
import io.camelksm.credential.Secret;

/**
 * Takes the new values for operation=set and setProperty off the message: from a header, else the body. Whatever was
 * read is removed from the message at once (and char[] / byte[] values are wiped), so the new secret does not travel on
 * through the route, its message history or its tracing.
 */
final class IncomingValues {

    private IncomingValues() {
    }

    /** One value, from {@link KsmConstants#VALUE} or the body. */
    static Secret takeValue(Message message, CredentialName credential, String what) {
        Object raw;
        if (message.getHeader(KsmConstants.VALUE) != null) {
            raw = message.removeHeader(KsmConstants.VALUE);
        } else {
            raw = message.getBody();
            message.setBody(null);
        }
        if (raw == null) {
            throw new KsmException("No new value for " + what + " of credential '" + credential
                    + "': put it in the header " + KsmConstants.VALUE + " or the message body");
        }
        return toSecret(message, raw, what, credential);
    }

    /**
     * New field values by field, from {@link KsmConstants#FIELDS} or a map body. Values of secret fields become
     * {@link Secret}s; a null value (removing the field) stays null.
     */
    static Map<CredentialField, Object> takeFields(Message message, CredentialName credential) {
        Object raw;
        if (message.getHeader(KsmConstants.FIELDS) != null) {
            raw = message.removeHeader(KsmConstants.FIELDS);
        } else {
            raw = message.getBody();
            if (raw instanceof Map) {
                message.setBody(null);
            }
        }
        if (!(raw instanceof Map<?, ?> values)) {
            throw new KsmException("No new field values for credential '" + credential + "': put a map of field name"
                    + " to value in the header " + KsmConstants.FIELDS + " or the message body, or name one field with"
                    + " the option field" + (raw == null ? "" : " (the body is a " + raw.getClass().getName() + ")"));
        }
        Map<CredentialField, Object> fields = new EnumMap<>(CredentialField.class);
        try {
            for (Map.Entry<?, ?> e : values.entrySet()) {
                String key = String.valueOf(e.getKey());
                CredentialField field = CredentialField.byName(key).orElseThrow(() -> new KsmException(
                        "Unknown field '" + DisplayText.escape(key.length() > 64 ? key.substring(0, 64) + "…" : key)
                        + "' for credential '" + credential + "'; one of "
                        + KsmEndpointOptionsCheck.fieldNames()));
                Object value = e.getValue();
                fields.put(field, value == null ? null
                        : field.isSecret() ? toSecret(message, value, field.fieldName(), credential)
                        : toText(message, value, field.fieldName(), credential));
            }
        } finally {
            values.values().forEach(IncomingValues::wipe);
        }
        if (fields.isEmpty()) {
            throw new KsmException("No new field values for credential '" + credential + "': the map is empty");
        }
        return fields;
    }

    /** The new expiry from {@link KsmConstants#EXPIRES_AT}, if the message has one. */
    static Instant takeExpiresAt(Message message, CredentialName credential) {
        Object raw = message.removeHeader(KsmConstants.EXPIRES_AT);
        if (raw == null || raw instanceof Instant) {
            return (Instant) raw;
        }
        if (raw instanceof Date date) {
            return date.toInstant();
        }
        try {
            return Instant.parse(raw.toString().strip());
        } catch (DateTimeParseException e) {
            // the value is not quoted: it came with the message and may be anything (a secret, forged log text)
            throw new KsmException("The header " + KsmConstants.EXPIRES_AT + " for credential '" + credential
                    + "' is not a valid expiry: expected an ISO-8601 instant in UTC such as 2030-01-31T00:00:00Z,"
                    + " a java.time.Instant or a java.util.Date");
        }
    }

    private static Secret toSecret(Message message, Object raw, String what, CredentialName credential) {
        try {
            if (raw instanceof Secret secret) {
                return secret;
            }
            if (raw instanceof char[] chars) {
                return Secret.of(chars);
            }
            if (raw instanceof byte[] bytes) {
                return Secret.ofUtf8(bytes);
            }
            return Secret.of(toText(message, raw, what, credential));
        } finally {
            wipe(raw);
        }
    }

    private static String toText(Message message, Object raw, String what, CredentialName credential) {
        if (raw instanceof String text) {
            return text;
        }
        String text = message.getExchange().getContext().getTypeConverter().tryConvertTo(String.class, raw);
        if (text == null) {
            // the type, not the value: the value may be a secret
            throw new KsmException("The new value for " + what + " of credential '" + credential
                    + "' cannot be read as text (a " + raw.getClass().getName() + ")");
        }
        return text;
    }

    private static void wipe(Object value) {
        if (value instanceof char[] chars) {
            Arrays.fill(chars, '\0');
        } else if (value instanceof byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
