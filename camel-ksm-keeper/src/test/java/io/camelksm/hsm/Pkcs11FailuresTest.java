package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.UnrecoverableKeyException;

import javax.security.auth.login.FailedLoginException;

import org.junit.jupiter.api.Test;

/** Which HSM failures a new login can cure, and which are a wrong PIN. */
class Pkcs11FailuresTest {

    /** Named like SunPKCS11's internal exception, which carries the return code as its message. */
    static final class PKCS11Exception extends RuntimeException {
        PKCS11Exception(String code) {
            super(code);
        }
    }

    private static Throwable login(String code) {
        IOException e = new IOException("load failed");
        FailedLoginException login = new FailedLoginException();
        login.initCause(new PKCS11Exception(code));
        e.initCause(login);
        return e;
    }

    private static Throwable operation(String code) {
        return new HsmException("HSM could not encrypt", new InvalidKeyException("Could not initialize cipher",
                new PKCS11Exception(code)));
    }

    @Test
    void lostHandlesSessionsAndDevicesMayBeCuredByANewLogin() {
        assertThat(Pkcs11Failures.sessionLost(operation("CKR_OBJECT_HANDLE_INVALID"))).isTrue();
        assertThat(Pkcs11Failures.sessionLost(operation("CKR_SESSION_HANDLE_INVALID"))).isTrue();
        assertThat(Pkcs11Failures.sessionLost(operation("CKR_DEVICE_REMOVED"))).isTrue();
        assertThat(Pkcs11Failures.sessionLost(operation("CKR_USER_NOT_LOGGED_IN"))).isTrue();
        assertThat(Pkcs11Failures.code(operation("CKR_KEY_HANDLE_INVALID: detail")))
                .isEqualTo("CKR_KEY_HANDLE_INVALID");
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(Pkcs11Failures.sessionLost(operation("CKR_MECHANISM_INVALID"))).isFalse();
        assertThat(Pkcs11Failures.sessionLost(operation("CKR_KEY_FUNCTION_NOT_PERMITTED"))).isFalse();
        assertThat(Pkcs11Failures.sessionLost(new HsmException("no PKCS#11 code"))).isFalse();
    }

    @Test
    void onlyAPinCodeIsAWrongPin() {
        assertThat(Pkcs11Failures.wrongPin(login("CKR_PIN_INCORRECT"))).isTrue();
        assertThat(Pkcs11Failures.wrongPin(login("CKR_PIN_LOCKED"))).isTrue();
        // SunPKCS11 wraps every failed C_Login in a FailedLoginException: a dead token is not a wrong PIN
        assertThat(Pkcs11Failures.wrongPin(login("CKR_GENERAL_ERROR"))).isFalse();
        assertThat(Pkcs11Failures.wrongPin(login("CKR_DEVICE_REMOVED"))).isFalse();
        // key store files: a wrong password shows as an unrecoverable key or a failed login, without a PKCS#11 code
        assertThat(Pkcs11Failures.wrongPin(new IOException("keystore password was incorrect",
                new UnrecoverableKeyException("failed to decrypt safe contents entry")))).isTrue();
        assertThat(Pkcs11Failures.wrongPin(new IOException("disk error"))).isFalse();
    }
}
