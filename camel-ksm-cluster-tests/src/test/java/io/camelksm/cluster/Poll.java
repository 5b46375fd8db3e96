package io.camelksm.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition up to a stated bound and says how long it took: the figure the tests print. */
final class Poll {

    private Poll() {
    }

    /**
     * Checks the condition every few milliseconds until it holds.
     *
     * @return how long it took from the call until the condition held
     * @throws AssertionError naming what was awaited and the bound, when it did not hold within the bound
     */
    static Duration until(String what, Duration bound, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() - start > bound.toNanos()) {
                throw new AssertionError(what + ": not within the bound of " + bound.toMillis() + " ms");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
