package dev.pgdesk.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Samples of a value over a sliding window of time (for example the last 10 minutes), for the charts. Older
 * samples are dropped as newer ones arrive, so memory stays bounded however long the monitor runs. Safe to
 * use from several threads.
 *
 * @param <T> the sampled value
 */
public final class MetricHistory<T> {

    /** A sample: a value at a time. */
    public record Sample<T>(Instant at, T value) {}

    /** A history keeping samples no older than {@code window} before the newest. */
    public MetricHistory(Duration window) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Adds a sample and drops the ones that fell out of the window. Samples must come in time order. */
    public void add(Instant at, T value) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The samples in the window, oldest first. */
    public List<Sample<T>> samples() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The window. */
    public Duration window() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
