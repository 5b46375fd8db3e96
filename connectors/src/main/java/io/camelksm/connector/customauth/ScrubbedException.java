package io.camelksm.connector.customauth;

/**
 * An exception whose message (or whose causes' messages) held a secret of the call, replaced by one with the secret
 * masked: same type name in the message, the original stack trace, causes scrubbed the same way. An exception that
 * holds no secret is returned as it is, so callers keep its type (and its status code).
 */
public final class ScrubbedException extends RuntimeException {

    private static final int MAX_DEPTH = 16;

    private final String originalType;

    private ScrubbedException(String originalType, String message, Throwable cause, StackTraceElement[] trace) {
        super(originalType + ": " + message, cause, false, true);
        this.originalType = originalType;
        setStackTrace(trace);
    }

    /** The exception itself when no message in its chain holds a secret, else a scrubbed copy of the chain. */
    static Exception of(Exception failure, CallSecrets secrets) {
        if (!leaks(failure, secrets)) {
            return failure;
        }
        return (Exception) scrub(failure, secrets, 0);
    }

    private static boolean leaks(Throwable failure, CallSecrets secrets) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (secrets.leaks(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable scrub(Throwable t, CallSecrets secrets, int depth) {
        if (t == null || depth >= MAX_DEPTH) {
            return null;
        }
        Throwable cause = scrub(t.getCause(), secrets, depth + 1);
        return new ScrubbedException(t.getClass().getName(), secrets.scrub(String.valueOf(t.getMessage())), cause,
                t.getStackTrace());
    }

    /** The class name of the exception this one replaces. */
    public String getOriginalType() {
        return originalType;
    }
}
