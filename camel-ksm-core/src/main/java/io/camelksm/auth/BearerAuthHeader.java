package io.camelksm.auth;

import java.util.Arrays;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.Secret;

/**
 * A static bearer token (RFC 6750 section 2.1): {@code Bearer <token68>}.
 */
public final class BearerAuthHeader implements AuthHeaderBuilder {

    @Override
    public String scheme() {
        return "Bearer";
    }

    @Override
    public String credentials(Credential credential) {
        Secret token = credential.secret(CredentialField.TOKEN)
                .orElseThrow(() -> BasicAuthHeader.missing(credential, CredentialField.TOKEN));
        char[] chars = token.chars();
        try {
            int bad = firstInvalidPosition(chars);
            if (bad >= 0) {
                // the position helps the operator find the fault; the character itself is part of the secret
                throw new KsmException("The token of credential '" + credential.name()
                        + "' is not a valid RFC 6750 bearer token (b64token): "
                        + (chars.length == 0 ? "it is empty" : "invalid character at position " + (bad + 1)));
            }
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * RFC 6750: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}.
     *
     * @return the index of the first character that breaks the grammar, 0 for an empty token, or -1 if valid
     */
    static int firstInvalidPosition(char[] token) {
        if (token.length == 0) {
            return 0;
        }
        int i = 0;
        while (i < token.length && isB64TokenChar(token[i])) {
            i++;
        }
        if (i == 0) {
            return 0;
        }
        while (i < token.length && token[i] == '=') {
            i++;
        }
        return i == token.length ? -1 : i;
    }

    private static boolean isB64TokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
               || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
