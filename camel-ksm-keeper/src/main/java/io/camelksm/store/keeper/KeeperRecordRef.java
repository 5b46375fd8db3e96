package io.camelksm.store.keeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Keeper record (by UID, never by title: Keeper throttles title look-ups, which fetch every record) and,
 * optionally, which single value of it. Written as a bare UID, or in Keeper notation
 * {@code [keeper://]<UID>/<field|custom_field>/<type or label>[index][part]} or
 * {@code [keeper://]<UID>/<title|type|notes>}; {@code \} escapes {@code / [ ] \} in labels.
 * <p>
 * Examples: {@code 9UoR7lVRv2ZtsUNgmyMarg}, {@code keeper://9UoR7lVRv2ZtsUNgmyMarg/field/password},
 * {@code keeper://9UoR7lVRv2ZtsUNgmyMarg/custom_field/API Token},
 * {@code keeper://9UoR7lVRv2ZtsUNgmyMarg/field/keyPair[privateKey]}.
 *
 * @param uid      the record UID
 * @param selector the single value wanted, or null for the whole record
 */
public record KeeperRecordRef(String uid, KeeperNotation selector) {

    public static final String SCHEME = "keeper://";

    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{22}");

    public KeeperRecordRef {
        Objects.requireNonNull(uid, "uid");
        if (!UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("'" + uid + "' is not a Keeper record UID (22 characters of A-Z a-z"
                                               + " 0-9 _ -): refer to records by UID, not by title (Keeper throttles"
                                               + " title look-ups)");
        }
    }

    public static KeeperRecordRef record(String uid) {
        return new KeeperRecordRef(uid, null);
    }

    public static boolean isUid(String text) {
        return text != null && UID.matcher(text).matches();
    }

    public Optional<KeeperNotation> selectorIfAny() {
        return Optional.ofNullable(selector);
    }

    /**
     * Parses a bare UID or a Keeper notation.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static KeeperRecordRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Keeper record reference is empty: give a record UID or"
                                               + " keeper://<UID>/field/<type>");
        }
        String rest = text.strip();
        if (rest.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            rest = rest.substring(SCHEME.length());
        }
        try {
            List<String> parts = splitUnescaped(rest);
            String uid = unescape(parts.get(0));
            if (parts.size() == 1) {
                return record(uid);
            }
            String sectionWord = parts.get(1);
            if (sectionWord.equalsIgnoreCase("file")) {
                throw new IllegalArgumentException("file attachments are not supported as credential values");
            }
            KeeperNotation.Section section = KeeperNotation.Section.of(sectionWord).orElseThrow(
                    () -> new IllegalArgumentException("unknown section '" + sectionWord + "'; one of field,"
                                                       + " custom_field, title, type, notes"));
            if (!section.hasName()) {
                if (parts.size() != 2) {
                    throw new IllegalArgumentException("'" + section.word() + "' takes no field name");
                }
                return new KeeperRecordRef(uid, new KeeperNotation(section, null, null, null));
            }
            if (parts.size() != 3) {
                throw new IllegalArgumentException("'" + section.word() + "' needs exactly one field name after it");
            }
            return new KeeperRecordRef(uid, fieldNotation(section, parts.get(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Keeper record reference '" + text.strip() + "' is malformed: "
                                               + e.getMessage(), e);
        }
    }

    /** Name, then up to two bracket groups: [index][part], [index] or [part]. */
    private static KeeperNotation fieldNotation(KeeperNotation.Section section, String raw) {
        int open = indexOfUnescaped(raw, '[', 0);
        String name = unescape(open < 0 ? raw : raw.substring(0, open));
        List<String> groups = new ArrayList<>();
        int at = open;
        while (at >= 0 && at < raw.length()) {
            if (raw.charAt(at) != '[') {
                throw new IllegalArgumentException("unexpected text after ']'");
            }
            int close = indexOfUnescaped(raw, ']', at + 1);
            if (close < 0) {
                throw new IllegalArgumentException("'[' without ']'");
            }
            groups.add(unescape(raw.substring(at + 1, close)));
            at = close + 1;
        }
        if (groups.size() > 2) {
            throw new IllegalArgumentException("at most [index][part] may follow the field name");
        }
        Integer index = null;
        String property = null;
        if (groups.size() == 2) {
            index = index(groups.get(0));
            property = part(groups.get(1));
        } else if (groups.size() == 1) {
            String g = groups.get(0);
            if (g.chars().allMatch(Character::isDigit) && !g.isEmpty()) {
                index = index(g);
            } else {
                property = part(g);
            }
        }
        return new KeeperNotation(section, name, index, property);
    }

    private static Integer index(String group) {
        if (group.isEmpty()) {
            throw new IllegalArgumentException("'[]' (all values) cannot be one credential value: give an index");
        }
        try {
            return Integer.valueOf(group);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'[" + group + "]' is not a value index");
        }
    }

    private static String part(String group) {
        if (group.isBlank()) {
            throw new IllegalArgumentException("'[]' (all values) cannot be one credential value");
        }
        return group.strip();
    }

    private static List<String> splitUnescaped(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int slash;
        while ((slash = indexOfUnescaped(text, '/', start)) >= 0) {
            parts.add(text.substring(start, slash));
            start = slash + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexOfUnescaped(String text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The canonical notation: {@code keeper://UID} or {@code keeper://UID/field/password}. */
    @Override
    public String toString() {
        return SCHEME + uid + (selector == null ? "" : "/" + selector);
    }
}
