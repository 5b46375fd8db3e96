package io.camelksm.testsupport;

/** Byte-array searches for tests that check a file holds no plaintext. */
public final class Bytes {

    private Bytes() {
    }

    /** Where {@code needle} first stands in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
