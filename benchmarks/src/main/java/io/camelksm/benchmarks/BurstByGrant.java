package io.camelksm.benchmarks;

import java.time.Duration;

/**
 * Diagnostic: benchmark 2's burst for camel-ksm, repeated in one JVM with each grant (client credentials, JWT bearer,
 * JWT bearer, client credentials, twice each), to tell a grant's cost from the spread of burst times on this machine.
 * Prints one line per burst. Run: {@code java -cp target/classes:$(cat target/benchmark.classpath)
 * io.camelksm.benchmarks.BurstByGrant}.
 */
public final class BurstByGrant {

    private BurstByGrant() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.defaults();
        TimeScale scale = settings.scale();
        CamelKsmContender.Grant[] order = {CamelKsmContender.Grant.CLIENT_CREDENTIALS,
            CamelKsmContender.Grant.JWT_BEARER, CamelKsmContender.Grant.JWT_BEARER,
            CamelKsmContender.Grant.CLIENT_CREDENTIALS};
        try (LoopbackApis apis = new LoopbackApis(settings.realExpiresInSeconds(), settings.tokenLatency(),
                settings.burstSize() + 64)) {
            int run = 0;
            for (CamelKsmContender.Grant grant : order) {
                for (int i = 0; i < 2; i++) {
                    CamelKsmContender contender = new CamelKsmContender(scale.real(Duration.ofSeconds(60)),
                            scale.real(Duration.ofSeconds(30)), grant);
                    BurstRun.Result result = BurstRun.run(contender, apis, contender.runName("grant-" + run++),
                            settings.burstSize(), RunAll.BURST_FIRST_TOKEN_SECONDS, RunAll.BURST_LEAD);
                    System.out.println(Summary.burstLine(result));
                }
            }
        }
    }
}
