package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionCountsTest {

    private static ConnectionCounts counts(int active, int idle, int max, int reserved) {
        return new ConnectionCounts(
                ActivitySamples.NOW, Map.of("active", active, "idle", idle), active + idle, max, reserved);
    }

    @Test
    void availableAndShareAreAgainstTheSlotsOrdinaryRolesMayUse() {
        ConnectionCounts counts = counts(10, 20, 100, 3);

        assertThat(counts.available()).isEqualTo(67);
        assertThat(counts.usedShare()).isEqualTo(30.0 / 97);
        assertThat(counts.warning()).isEmpty();
    }

    @Test
    void atEightyPercentTheWarningSaysHowManyRemainAndWhatToDo() {
        ConnectionCounts counts = counts(10, 38, 63, 3);

        assertThat(counts.usedShare()).isEqualTo(0.8);
        assertThat(counts.warning())
                .hasValue("48 of 60 usable connections are in use (max_connections 63, 3 reserved for superusers):"
                        + " new connections will be refused after 12 more. Close idle sessions (38 are idle) or"
                        + " raise max_connections.");
    }

    @Test
    void beyondTheUsableSlotsTheWarningSaysNewConnectionsAreRefusedNow() {
        ConnectionCounts counts = counts(58, 0, 60, 3);

        assertThat(counts.available()).isZero();
        assertThat(counts.usedShare()).isGreaterThan(1);
        assertThat(counts.warning())
                .hasValue("58 of 57 usable connections are in use (max_connections 60, 3 reserved for superusers):"
                        + " new connections of ordinary roles are refused now. Close sessions you do not need or"
                        + " raise max_connections.");
    }

    @Test
    void aReserveAsLargeAsTheLimitLeavesNothingUsable() {
        ConnectionCounts counts = counts(0, 0, 3, 3);

        assertThat(counts.available()).isZero();
        assertThat(counts.usedShare()).isEqualTo(1.0);
        assertThat(counts.warning()).isPresent();
    }
}
