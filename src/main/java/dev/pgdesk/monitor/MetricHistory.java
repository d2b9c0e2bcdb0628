package dev.pgdesk.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Samples of a value over a sliding window of time (for example the last 10 minutes), for the charts. Older
 * samples are dropped as newer ones arrive, so memory stays bounded however long the monitor runs. Safe to
 * use from several threads.
 *
 * <p>A sample older than the newest one is rejected with {@link IllegalArgumentException}: a chart whose
 * points go back in time would be drawn wrong, and the monitor's samples carry the server's clock, which
 * only moves forward. Samples at the same instant are kept.
 *
 * @param <T> the sampled value
 */
public final class MetricHistory<T> {

    /**
     * A sample: a value at a time.
     *
     * @param at when it was taken
     * @param value the value; may be null for "not known at that time" (a gap in the chart)
     */
    public record Sample<T>(Instant at, T value) {
        public Sample {
            Objects.requireNonNull(at, "at");
        }
    }

    private final Duration window;
    private final Deque<Sample<T>> samples = new ArrayDeque<>();

    /** A history keeping samples no older than {@code window} before the newest. */
    public MetricHistory(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("The history window must be longer than zero, not " + window);
        }
        this.window = window;
    }

    /**
     * Adds a sample and drops the ones that fell out of the window. Samples must come in time order.
     *
     * @throws IllegalArgumentException {@code at} is before the newest sample
     */
    public void add(Instant at, T value) {
        Sample<T> sample = new Sample<>(at, value);
        synchronized (samples) {
            Sample<T> newest = samples.peekLast();
            if (newest != null && at.isBefore(newest.at())) {
                throw new IllegalArgumentException(
                        "Samples must come in time order: " + at + " is before the newest sample at " + newest.at());
            }
            samples.addLast(sample);
            Instant oldestKept = at.minus(window);
            while (samples.peekFirst().at().isBefore(oldestKept)) {
                samples.removeFirst();
            }
        }
    }

    /** The samples in the window, oldest first, as a copy that later additions do not change. */
    public List<Sample<T>> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The window. */
    public Duration window() {
        return window;
    }
}
