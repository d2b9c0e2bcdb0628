package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.MetricHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A point of a monitor chart: seconds before the newest sample (0 or less) and the value, so the x axis
 * reads "the last 10 minutes" whatever the clock says.
 *
 * @param secondsAgo minus the seconds between this sample and the newest
 * @param value the value
 */
public record ChartPoint(double secondsAgo, double value) {

    /** The points of {@code history}'s samples, each mapped to a value; samples that map to null are left out. */
    static <T> List<ChartPoint> of(MetricHistory<T> history, Function<T, Number> value) {
        List<MetricHistory.Sample<T>> samples = history.samples();
        if (samples.isEmpty()) {
            return List.of();
        }
        Instant newest = samples.get(samples.size() - 1).at();
        return samples.stream()
                .filter(sample -> value.apply(sample.value()) != null)
                .map(sample -> new ChartPoint(
                        -Duration.between(sample.at(), newest).toMillis() / 1000.0,
                        value.apply(sample.value()).doubleValue()))
                .toList();
    }
}
