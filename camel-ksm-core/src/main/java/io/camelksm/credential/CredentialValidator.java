package io.camelksm.credential;

/**
 * Checks a credential before it is written, so that one that would fail at its first exchange (a key of the wrong
 * type, a mistyped client authentication method, a missing client secret) is refused when it is stored rather than
 * when a route first uses it. The core knows no header builder: the component and the CLI plug one in.
 */
@FunctionalInterface
public interface CredentialValidator {

    /** Checks nothing. */
    CredentialValidator NONE = credential -> {
    };

    /**
     * @throws IllegalArgumentException naming what would fail (never quoting a secret)
     */
    void validate(Credential credential);
}
