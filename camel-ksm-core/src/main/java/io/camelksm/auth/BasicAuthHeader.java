package io.camelksm.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.Secret;

/**
 * HTTP Basic authentication (RFC 7617) with the UTF-8 charset: {@code Basic base64(user-id ":" password)}.
 */
public final class BasicAuthHeader implements AuthHeaderBuilder {

    @Override
    public String scheme() {
        return "Basic";
    }

    @Override
    public String credentials(Credential credential) {
        String username = credential.field(CredentialField.USERNAME)
                .orElseThrow(() -> missing(credential, CredentialField.USERNAME));
        Secret password = credential.secret(CredentialField.PASSWORD)
                .orElseThrow(() -> missing(credential, CredentialField.PASSWORD));
        // RFC 7617 section 2: the user-id cannot contain a colon, and neither part may contain control characters
        if (username.indexOf(':') >= 0) {
            throw new KsmException("The username of credential '" + credential.name()
                    + "' contains ':', which HTTP Basic authentication (RFC 7617) does not allow");
        }
        checkNoControlCharacters(credential, CredentialField.USERNAME, username.toCharArray());
        char[] passwordChars = password.chars();
        char[] userPass = new char[username.length() + 1 + passwordChars.length];
        byte[] utf8 = null;
        try {
            checkNoControlCharacters(credential, CredentialField.PASSWORD, passwordChars);
            username.getChars(0, username.length(), userPass, 0);
            userPass[username.length()] = ':';
            System.arraycopy(passwordChars, 0, userPass, username.length() + 1, passwordChars.length);
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(userPass));
            utf8 = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return Base64.getEncoder().encodeToString(utf8);
        } finally {
            Arrays.fill(passwordChars, '\0');
            Arrays.fill(userPass, '\0');
            if (utf8 != null) {
                Arrays.fill(utf8, (byte) 0);
            }
        }
    }

    private static void checkNoControlCharacters(Credential credential, CredentialField field, char[] value) {
        for (char c : value) {
            if (Character.isISOControl(c)) {
                throw new KsmException("The " + field.fieldName() + " of credential '" + credential.name()
                        + "' contains a control character, which HTTP Basic authentication (RFC 7617) does not allow");
            }
        }
    }

    static KsmException missing(Credential credential, CredentialField field) {
        return new KsmException("Credential '" + credential.name() + "' has no " + field.fieldName());
    }
}
