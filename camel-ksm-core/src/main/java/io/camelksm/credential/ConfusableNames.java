package io.camelksm.credential;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.SpoofChecker.CheckResult;
import com.ibm.icu.text.SpoofChecker.RestrictionLevel;
import com.ibm.icu.text.UnicodeSet;

/**
 * Refuses new credential names that a person could take for another name (Unicode Technical Standard #39, with ICU4J's
 * {@link SpoofChecker}):
 * <ul>
 * <li>a name that mixes scripts beyond what one language writes (UTS #39 "highly restrictive": Latin with Cyrillic or
 * Greek is refused, Latin with Han and Kana is not), or that mixes digits of different number systems;</li>
 * <li>a name whose confusable skeleton equals an existing name's ({@code Pаypal} with a Cyrillic {@code а}, {@code 0}
 * for {@code O}, {@code rn} for {@code m}), compared case-insensitively.</li>
 * </ul>
 * Checked when a credential is created; existing names are left alone (they stay readable).
 */
public final class ConfusableNames {

    private static final SpoofChecker SCRIPTS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
            .setRestrictionLevel(RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setAllowedChars(new UnicodeSet(0, 0x10FFFF)) // which characters are allowed is CredentialName's job
            .build();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE)
            .build();

    private ConfusableNames() {
    }

    /**
     * @throws IllegalArgumentException when the new name mixes scripts or could be confused with an existing name
     *                                  (other than itself, compared case-insensitively)
     */
    public static void checkNewName(CredentialName name, Collection<CredentialName> existing) {
        checkScripts(name);
        confusableWith(name, existing).ifPresent(other -> {
            throw new IllegalArgumentException("Credential name '" + DisplayText.escape(name.value())
                    + "' looks like the existing credential '" + DisplayText.escape(other.value())
                    + "' (Unicode confusables): choose a name that cannot be mistaken for it");
        });
    }

    /** @throws IllegalArgumentException when the name mixes scripts or number systems */
    public static void checkScripts(CredentialName name) {
        String value = name.value();
        if (isAscii(value)) {
            return; // one script, one number system: the common case needs no checker
        }
        CheckResult result = new CheckResult();
        if (SCRIPTS.failsChecks(value, result)) {
            throw new IllegalArgumentException("Credential name '" + DisplayText.escape(value) + "' mixes "
                    + ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0 ? "digits of different number systems"
                            : "scripts (" + scripts(value) + ")")
                    + ", so it could be mistaken for another name: write it in one script");
        }
    }

    /** An existing name (other than the same name) with the same confusable skeleton, if there is one. */
    public static Optional<CredentialName> confusableWith(CredentialName name, Collection<CredentialName> existing) {
        String skeleton = skeleton(name);
        return existing.stream()
                .filter(other -> !other.equals(name) && skeleton.equals(skeleton(other)))
                .findFirst();
    }

    /**
     * The UTS #39 skeleton made case-insensitive like names are: the skeleton of the name as spelt (where {@code I}
     * still looks like {@code l}), lower-cased, and skeletonized again (where {@code 0}'s {@code O} meets {@code o}).
     */
    static String skeleton(CredentialName name) {
        return SKELETONS.getSkeleton(SKELETONS.getSkeleton(name.value()).toLowerCase(Locale.ROOT));
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The scripts of the name's letters, e.g. "Latin, Cyrillic". */
    private static String scripts(String value) {
        StringBuilder names = new StringBuilder();
        Set<Integer> seen = new LinkedHashSet<>();
        value.codePoints().filter(Character::isLetter).map(UScript::getScript)
                .filter(s -> s != UScript.COMMON && s != UScript.INHERITED).forEach(seen::add);
        for (int script : seen) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(UScript.getName(script));
        }
        return names.toString();
    }
}
