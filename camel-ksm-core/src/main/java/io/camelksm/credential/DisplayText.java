package io.camelksm.credential;

/**
 * Makes untrusted text safe to quote in an error message or a log line: control characters (line breaks included),
 * format characters such as the bidirectional overrides (U+202E) and zero-width characters, line and paragraph
 * separators and lone surrogates are written as {@code \\uXXXX}, so that quoted text can neither forge a log line nor
 * reorder what a reader sees.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** The text with every invisible or layout-changing character escaped as {@code \\uXXXX}; "null" for null. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c, text, i);
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isUnsafe(char c, String text, int i) {
        if (c == '\\') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
