package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code credential list --expiring PERIOD} on a real embedded H2 database: only the credentials that expire within the
 * period (expired ones included), soonest first; a bad period is a clear user error. Expiries lie days apart from the
 * period's end, so the real clock of the command cannot tip a result.
 */
class ListExpiringCredentialsTest extends AdminTestSupport {

    private static final String TOKEN = "tok-5d1e";

    @Override
    List<String> secrets() {
        return List.of(TOKEN);
    }

    private void add(String name, Duration fromNow) {
        List<String> args = new java.util.ArrayList<>(List.of("credential", "add", "--name", name, "--type", "bearer"));
        if (fromNow != null) {
            args.addAll(List.of("--expires",
                    Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        ok(TOKEN + "\n", args.toArray(String[]::new));
    }

    private static List<String> names(String listing) {
        return listing.lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
    }

    @Test
    void listsWhatExpiresWithinThePeriodSoonestFirst() {
        add("Later", Duration.ofDays(10));
        add("Gone", Duration.ofDays(-3));
        add("Soon", Duration.ofDays(2));
        add("Far", Duration.ofDays(60));
        add("Forever", null);

        String within14 = ok("", "credential", "list", "--expiring", "14d").out();
        assertThat(within14.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).contains("NAME", "EXPIRES"));
        assertThat(names(within14)).containsExactly("Gone", "Soon", "Later");
        assertThat(within14).contains("expired at");

        assertThat(names(ok("", "credential", "list", "--expiring", "5D").out())).containsExactly("Gone", "Soon");
        assertThat(names(ok("", "credential", "list", "--expiring", "2w").out())).containsExactly("Gone", "Soon",
                "Later");
        assertThat(names(ok("", "credential", "list", "--expiring", "24h").out())).containsExactly("Gone");
        assertThat(names(ok("", "credential", "list").out())).containsExactlyInAnyOrder("Later", "Gone", "Soon",
                "Far", "Forever");
    }

    @Test
    void saysSoWhenNothingExpiresWithinThePeriod() {
        add("Far", Duration.ofDays(60));
        add("Forever", null);
        assertThat(ok("", "credential", "list", "--expiring", "14d").out())
                .contains("No credentials expire within 14 days.").doesNotContain("Far");
        assertThat(ok("", "credential", "list", "--expiring", "36h").out())
                .contains("No credentials expire within 36 hours.");
    }

    @Test
    void aBadPeriodIsAUserErrorThatSaysWhatAPeriodLooksLike() {
        for (String bad : List.of("soon", "14", "-3d", "14 days", "1.5d")) {
            assertThat(userError("", "credential", "list", "--expiring", bad).err())
                    .contains("--expiring", "'" + bad + "' is not a period: a number with h, d or w (e.g. 36h, 14d, 2w)");
        }
    }
}
