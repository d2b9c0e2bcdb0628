package dev.pgdesk.ui.monitor;

import java.time.Duration;
import java.util.Optional;

/** How often the monitor reads the server, as offered in its interval menu. */
public enum RefreshInterval {
    PAUSED("Paused", null),
    ONE_SECOND("1 s", Duration.ofSeconds(1)),
    TWO_SECONDS("2 s", Duration.ofSeconds(2)),
    FIVE_SECONDS("5 s", Duration.ofSeconds(5)),
    TEN_SECONDS("10 s", Duration.ofSeconds(10)),
    THIRTY_SECONDS("30 s", Duration.ofSeconds(30));

    /** What a new monitor uses. */
    public static final RefreshInterval DEFAULT = TWO_SECONDS;

    private final String label;
    private final Duration period;

    RefreshInterval(String label, Duration period) {
        this.label = label;
        this.period = period;
    }

    /** The time between reads; empty when paused. */
    public Optional<Duration> period() {
        return Optional.ofNullable(period);
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
