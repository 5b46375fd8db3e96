package io.camelksm.benchmarks;

import java.time.Duration;

/**
 * What the token benchmarks run with. All durations are nominal (as an authorization server and an operator would state
 * them) and reach the contenders through the {@link TimeScale}.
 *
 * @param scale                  how much faster than nominal time the run goes
 * @param tokenLifetime          {@code expires_in} of every token (the case: 60 s)
 * @param exchanges              exchanges of the load run (benchmark 1)
 * @param producers              concurrent producers of the load run
 * @param loadLifetimes          how many token lifetimes the load run spans (so it crosses several expiries)
 * @param burstSize              exchanges released at once in the burst run (benchmark 2)
 * @param tokenLatency           how long the token endpoint takes to answer (real time, not scaled)
 * @param camelHttpMargin        camel-http's {@code oauth2CachedTokensExpirationMarginSeconds} (its default: 5 s)
 * @param springClockSkew        the clock skew of Spring Security's client credentials provider (its default: 60 s)
 * @param springTunedClockSkew   a smaller clock skew for a second, tuned Spring Security contender
 */
public record BenchmarkSettings(TimeScale scale, Duration tokenLifetime, int exchanges, int producers,
                                double loadLifetimes, int burstSize, Duration tokenLatency, Duration camelHttpMargin,
                                Duration springClockSkew, Duration springTunedClockSkew) {

    /** The benchmark: 60 s tokens, 10,000 exchanges by 64 producers over 3 lifetimes, bursts of 256. */
    public static BenchmarkSettings defaults() {
        return new BenchmarkSettings(new TimeScale(5), Duration.ofSeconds(60), 10_000, 64, 3.0, 256,
                Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    public BenchmarkSettings {
        if (exchanges < 1 || producers < 1 || burstSize < 1 || loadLifetimes <= 0) {
            throw new IllegalArgumentException("exchanges, producers, burstSize and loadLifetimes must be positive");
        }
        // fail early on settings that camel-http or a token response could not express in whole seconds
        scale.realWholeSeconds(tokenLifetime, "tokenLifetime");
        scale.realWholeSeconds(camelHttpMargin, "camelHttpMargin");
    }

    public BenchmarkSettings withExchanges(int value) {
        return new BenchmarkSettings(scale, tokenLifetime, value, producers, loadLifetimes, burstSize, tokenLatency,
                camelHttpMargin, springClockSkew, springTunedClockSkew);
    }

    public BenchmarkSettings withProducers(int value) {
        return new BenchmarkSettings(scale, tokenLifetime, exchanges, value, loadLifetimes, burstSize, tokenLatency,
                camelHttpMargin, springClockSkew, springTunedClockSkew);
    }

    public BenchmarkSettings withScale(TimeScale value) {
        return new BenchmarkSettings(value, tokenLifetime, exchanges, producers, loadLifetimes, burstSize, tokenLatency,
                camelHttpMargin, springClockSkew, springTunedClockSkew);
    }

    public BenchmarkSettings withLoadLifetimes(double value) {
        return new BenchmarkSettings(scale, tokenLifetime, exchanges, producers, value, burstSize, tokenLatency,
                camelHttpMargin, springClockSkew, springTunedClockSkew);
    }

    public BenchmarkSettings withBurstSize(int value) {
        return new BenchmarkSettings(scale, tokenLifetime, exchanges, producers, loadLifetimes, value, tokenLatency,
                camelHttpMargin, springClockSkew, springTunedClockSkew);
    }

    /** The {@code expires_in} the token endpoint really answers. */
    public long realExpiresInSeconds() {
        return scale.realWholeSeconds(tokenLifetime, "tokenLifetime");
    }

    /** The real span of the load run. */
    public Duration realLoadSpan() {
        return Duration.ofMillis(Math.round(scale.real(tokenLifetime).toMillis() * loadLifetimes));
    }
}
