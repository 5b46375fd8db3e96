package io.camelksm.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.camelksm.audit.AuditOutcome;
import io.camelksm.governance.DecisionCounts.Decision;

/** Decisions are counted by outcome and operation, and each pair is announced to listeners once, when first counted. */
class DecisionCountsTest {

    private final DecisionCounts counts = new DecisionCounts();

    @Test
    void countsByOutcomeAndOperationAndAnnouncesEachPairOnce() {
        List<Decision> announced = new CopyOnWriteArrayList<>();
        counts.onNewDecision(announced::add);

        counts.count(AuditOutcome.GRANTED, "use");
        counts.count(AuditOutcome.GRANTED, "use");
        counts.count(AuditOutcome.DENIED, "use");
        counts.count(AuditOutcome.GRANTED, "create");

        assertThat(announced).containsExactly(new Decision(AuditOutcome.GRANTED, "use"),
                new Decision(AuditOutcome.DENIED, "use"), new Decision(AuditOutcome.GRANTED, "create"));
        assertThat(counts.count(new Decision(AuditOutcome.GRANTED, "use"))).isEqualTo(2);
        assertThat(counts.count(new Decision(AuditOutcome.FAILED, "use"))).isZero();
        assertThat(counts.count(new Decision(AuditOutcome.GRANTED, "delete"))).isZero();
        assertThat(counts.snapshot()).containsExactly(Map.entry(new Decision(AuditOutcome.GRANTED, "create"), 1L),
                Map.entry(new Decision(AuditOutcome.GRANTED, "use"), 2L),
                Map.entry(new Decision(AuditOutcome.DENIED, "use"), 1L));
    }

    @Test
    void aPairCountedByManyThreadsAtOnceIsAnnouncedOnce() throws InterruptedException {
        List<Decision> announced = new CopyOnWriteArrayList<>();
        counts.onNewDecision(announced::add);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 1000; n++) {
                    counts.count(AuditOutcome.GRANTED, "use");
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(announced).containsExactly(new Decision(AuditOutcome.GRANTED, "use"));
        assertThat(counts.count(new Decision(AuditOutcome.GRANTED, "use"))).isEqualTo(8000);
    }
}
