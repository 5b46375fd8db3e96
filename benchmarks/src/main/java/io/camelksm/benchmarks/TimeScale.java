package io.camelksm.benchmarks;

import java.time.Duration;

/**
 * Runs nominal time faster by a whole factor, so that several 60-second token lifetimes fit in a bounded run: with
 * factor 5 a token issued with a nominal lifetime of 60 s really lives 12 s, and every time setting of every contender
 * (clock skews, expiry margins) is divided by the same factor. Token endpoints and camel-http count whole seconds, so a
 * setting that does not divide evenly is refused rather than silently rounded.
 */
public record TimeScale(int factor) {

    public TimeScale {
        if (factor < 1) {
            throw new IllegalArgumentException("time scale factor must be at least 1, was " + factor);
        }
    }

    /** The real duration of a nominal one. */
    public Duration real(Duration nominal) {
        return nominal.dividedBy(factor);
    }

    /**
     * The real whole seconds of a nominal duration.
     *
     * @throws IllegalArgumentException naming the setting when it does not scale to whole seconds
     */
    public long realWholeSeconds(Duration nominal, String setting) {
        long millis = nominal.toMillis();
        if (millis % (1000L * factor) != 0) {
            throw new IllegalArgumentException(setting + " of " + nominal.toSeconds() + " s (nominal) is not a whole"
                    + " number of seconds at time scale 1:" + factor);
        }
        return millis / 1000 / factor;
    }

    @Override
    public String toString() {
        return "1:" + factor;
    }
}
