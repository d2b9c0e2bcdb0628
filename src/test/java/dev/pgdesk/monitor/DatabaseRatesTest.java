package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatabaseRatesTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static DatabaseCounters counters(Instant at, long base) {
        return new DatabaseCounters(
                at, "shop", base, base / 10, base, base * 9, base * 100, base * 50, base, base / 2, base / 5);
    }

    @Test
    void ratesAreTheDifferencesPerSecond() {
        DatabaseCounters earlier =
                new DatabaseCounters(START, "shop", 100, 10, 1_000, 9_000, 50_000, 20_000, 300, 200, 100);
        DatabaseCounters later = new DatabaseCounters(
                START.plusSeconds(4), "shop", 180, 14, 1_100, 9_300, 58_000, 21_000, 340, 220, 104);

        DatabaseRates rates = DatabaseRates.between(earlier, later).orElseThrow();

        assertThat(rates.at()).isEqualTo(later.takenAt());
        assertThat(rates.transactionsPerSecond()).isCloseTo((80 + 4) / 4.0, within(1e-9));
        assertThat(rates.rowsReadPerSecond()).isCloseTo(8_000 / 4.0, within(1e-9));
        assertThat(rates.rowsWrittenPerSecond()).isCloseTo((40 + 20 + 4) / 4.0, within(1e-9));
        assertThat(rates.cacheHitRatio()).isCloseTo(300 / 400.0, within(1e-9));
    }

    @Test
    void fractionsOfASecondCount() {
        DatabaseCounters earlier = counters(START, 100);
        DatabaseCounters later =
                new DatabaseCounters(START.plusMillis(500), "shop", 101, 10, 100, 900, 10_000, 5_000, 100, 50, 20);

        assertThat(DatabaseRates.between(earlier, later).orElseThrow().transactionsPerSecond())
                .isCloseTo(2.0, within(1e-9));
    }

    @Test
    void anIntervalWithoutBlocksHasNoHitRatio() {
        DatabaseCounters earlier = counters(START, 100);
        DatabaseCounters later =
                new DatabaseCounters(START.plusSeconds(1), "shop", 100, 10, 100, 900, 10_000, 5_000, 100, 50, 20);

        DatabaseRates rates = DatabaseRates.between(earlier, later).orElseThrow();

        assertThat(rates.cacheHitRatio()).isNull();
        assertThat(rates.transactionsPerSecond()).isZero();
    }

    @Test
    void readingsOfDifferentDatabasesGiveNoRates() {
        DatabaseCounters earlier = counters(START, 100);
        DatabaseCounters other =
                new DatabaseCounters(START.plusSeconds(1), "other", 200, 20, 200, 1_800, 20_000, 10_000, 200, 100, 40);

        assertThat(DatabaseRates.between(earlier, other)).isEmpty();
    }

    @Test
    void readingsAtTheSameTimeOrBackwardsGiveNoRates() {
        DatabaseCounters earlier = counters(START, 100);

        assertThat(DatabaseRates.between(earlier, counters(START, 200))).isEmpty();
        assertThat(DatabaseRates.between(earlier, counters(START.minusSeconds(1), 200)))
                .isEmpty();
    }

    @Test
    void aCounterThatWentDownMeansAResetAndGivesNoRates() {
        DatabaseCounters earlier = counters(START, 100);
        DatabaseCounters reset =
                new DatabaseCounters(START.plusSeconds(1), "shop", 200, 20, 200, 1_800, 20_000, 10_000, 200, 100, 0);

        assertThat(DatabaseRates.between(earlier, reset)).isEmpty();
    }

    @Test
    void theCacheHitRatioOfCountersIsHitsOverAllBlocks() {
        assertThat(new DatabaseCounters(START, "shop", 0, 0, 25, 75, 0, 0, 0, 0, 0).cacheHitRatio())
                .isCloseTo(0.75, within(1e-9));
        assertThat(new DatabaseCounters(START, "shop", 0, 0, 0, 0, 0, 0, 0, 0, 0).cacheHitRatio())
                .isNull();
    }
}
