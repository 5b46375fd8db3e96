package io.camelksm.hsm;

import java.security.UnrecoverableKeyException;
import java.util.Set;

import javax.security.auth.login.LoginException;

/**
 * Reads what went wrong from the PKCS#11 return code in an exception's causes (SunPKCS11's PKCS11Exception carries
 * it as its message, e.g. {@code CKR_OBJECT_HANDLE_INVALID}; the class is internal to the JDK, so it is matched by
 * name).
 */
final class Pkcs11Failures {

    /**
     * The HSM lost our session, login or key handle (token removed, HSM or network restarted): logging in and looking
     * the key up again may help.
     */
    private static final Set<String> SESSION_LOST = Set.of(
            "CKR_OBJECT_HANDLE_INVALID", "CKR_KEY_HANDLE_INVALID", "CKR_SESSION_HANDLE_INVALID", "CKR_SESSION_CLOSED",
            "CKR_DEVICE_REMOVED", "CKR_DEVICE_ERROR", "CKR_TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_RECOGNIZED",
            "CKR_USER_NOT_LOGGED_IN", "CKR_CRYPTOKI_NOT_INITIALIZED", "CKR_GENERAL_ERROR", "CKR_FUNCTION_FAILED");

    private Pkcs11Failures() {
    }

    /** The first PKCS#11 return code among the causes, or null. */
    static String code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ("PKCS11Exception".equals(t.getClass().getSimpleName()) && t.getMessage() != null) {
                String message = t.getMessage().strip();
                int end = 0;
                while (end < message.length()
                       && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
                    end++;
                }
                return message.substring(0, end);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether logging in and looking the key up again may cure this failure. */
    static boolean sessionLost(Throwable e) {
        String code = code(e);
        return code != null && SESSION_LOST.contains(code);
    }

    /**
     * Whether the PIN or password was refused: a PKCS#11 {@code CKR_PIN_*} code, or (other providers, key store files)
     * a failed login or unrecoverable key without a PKCS#11 code. A login that fails for another PKCS#11 reason (device
     * error, token gone) is an HSM problem, not a wrong PIN.
     */
    static boolean wrongPin(Throwable e) {
        String code = code(e);
        if (code != null) {
            return code.startsWith("CKR_PIN_");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginException || t instanceof UnrecoverableKeyException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
