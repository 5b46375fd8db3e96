package io.camelksm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

/** The arithmetic of benchmark 3's summary: ratios pair forks of the same round, and the median resists one outlier. */
class PairedRoundsTest {

    @Test
    void ratiosDivideByTheReferenceOfTheSameRound() {
        PairedRounds rounds = new PairedRounds(List.of("constantHeader", "ksm"), 3, 1, 1);
        double[][] measured = {{0.5, 0.9}, {0.8, 1.2}, {0.55, 2.2}};
        for (double[] round : measured) {
            rounds.add("constantHeader", round[0]);
            rounds.add("ksm", round[1]);
        }

        List<Double> ratios = rounds.ratios("ksm", "constantHeader");

        assertThat(ratios).hasSize(3);
        assertThat(ratios.get(0)).isCloseTo(1.8, within(1e-9));
        assertThat(ratios.get(1)).isCloseTo(1.5, within(1e-9));
        assertThat(ratios.get(2)).isCloseTo(4.0, within(1e-9));
        // the ratio of the means (1.433 / 0.617 = 2.32) would let the slow constant round and the outlier decide
        assertThat(PairedRounds.median(ratios)).isCloseTo(1.8, within(1e-9));
        assertThat(PairedRounds.mean(rounds.scores("ksm"))).isCloseTo(1.4333, within(1e-4));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(PairedRounds.median(List.of(2.0, 1.0, 4.0, 3.0))).isEqualTo(2.5);
        assertThat(PairedRounds.median(List.of())).isNaN();
    }

    @Test
    void optionsSelectExactlyTheNamedMethods() {
        Options options = PairedRounds.options(List.of("constantHeader", "ksmAuthorize"), 2, 15, 5);

        // anchored: constantHeader must not also run a method whose name starts with it
        assertThat(options.getIncludes()).containsExactly(
                HeaderOverheadBenchmark.class.getName() + ".constantHeader$",
                HeaderOverheadBenchmark.class.getName() + ".ksmAuthorize$");
        assertThat(options.getForkCount().get()).isEqualTo(2);
        assertThat(options.getWarmupIterations().get()).isEqualTo(15);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(5);
    }

    @Test
    void aBenchmarkOutsideTheRoundsIsNamed() {
        PairedRounds rounds = new PairedRounds(List.of("constantHeader"), 1, 1, 1);

        assertThatThrownBy(() -> rounds.add("constantHeaders", 0.5)).hasMessageContaining("constantHeaders");
        assertThatThrownBy(() -> rounds.scores("ksm")).hasMessageContaining("ksm");
        assertThatThrownBy(() -> new PairedRounds(List.of(), 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
