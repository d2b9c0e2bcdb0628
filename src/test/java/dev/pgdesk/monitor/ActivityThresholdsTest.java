package dev.pgdesk.monitor;

import static dev.pgdesk.monitor.ActivitySamples.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.monitor.ActivityThresholds.Highlight;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActivityThresholdsTest {
    private final ActivityThresholds thresholds =
            new ActivityThresholds(Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void anActiveQueryBeyondTheLimitIsLongRunning() {
        assertThat(thresholds.classify(timed("active", seconds(61), seconds(61), seconds(61))))
                .isEqualTo(Highlight.LONG_RUNNING);
        assertThat(thresholds.classify(timed("active", seconds(60), seconds(60), seconds(60))))
                .isEqualTo(Highlight.NONE);
    }

    @Test
    void anIdleSessionIsNeverLongRunningHoweverOldItsLastQuery() {
        assertThat(thresholds.classify(timed("idle", null, seconds(3600), seconds(3600))))
                .isEqualTo(Highlight.NONE);
    }

    @Test
    void idleInTransactionCountsFromWhenTheSessionWentIdle() {
        // A transaction open for ten minutes whose last statement ended 5 s ago is not yet idle for long.
        assertThat(thresholds.classify(timed("idle in transaction", seconds(600), seconds(6), seconds(5))))
                .isEqualTo(Highlight.NONE);
        assertThat(thresholds.classify(timed("idle in transaction", seconds(600), seconds(40), seconds(31))))
                .isEqualTo(Highlight.IDLE_IN_TRANSACTION);
        assertThat(thresholds.classify(timed("idle in transaction (aborted)", seconds(90), seconds(90), seconds(45))))
                .isEqualTo(Highlight.IDLE_IN_TRANSACTION);
    }

    @Test
    void withoutTheStateChangeTheTransactionsAgeStandsIn() {
        assertThat(thresholds.classify(timed("idle in transaction", seconds(31), seconds(31), null)))
                .isEqualTo(Highlight.IDLE_IN_TRANSACTION);
    }

    @Test
    void negativeThresholdsAreRejected() {
        assertThatThrownBy(() -> new ActivityThresholds(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
