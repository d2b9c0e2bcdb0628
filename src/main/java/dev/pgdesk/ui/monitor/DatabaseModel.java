package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.DatabaseCounters;
import dev.pgdesk.monitor.DatabaseRates;
import dev.pgdesk.monitor.DatabaseSize;
import dev.pgdesk.monitor.MetricHistory;
import dev.pgdesk.monitor.RelationSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Database sub-tab: every database's size, the largest tables and indexes, the cache hit ratio, and
 * rates from consecutive {@code pg_stat_database} readings as charts.
 */
public final class DatabaseModel {
    /** How many tables and how many indexes the largest-relations table lists. */
    static final int LARGEST_RELATIONS = 15;

    private final MetricHistory<DatabaseRates> history;
    private DatabaseCounters previous;

    private final ObservableList<DatabaseSize> sizes = FXCollections.observableArrayList();
    private final ObservableList<RelationSize> relations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cacheHit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, List<ChartPoint>>> throughput =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<Map<String, List<ChartPoint>>> rows = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<Map<String, List<ChartPoint>>> cacheHitSeries =
            new ReadOnlyObjectWrapper<>(Map.of());

    DatabaseModel(MetricHistory<DatabaseRates> history) {
        this.history = history;
    }

    /** A new reading of the counters: a rate sample from the previous one, unless the statistics were reset. */
    void applyCounters(DatabaseCounters now) {
        database.set(now.database());
        Double ratio = now.cacheHitRatio();
        cacheHit.set(
                ratio == null
                        ? "Cache hit ratio of " + now.database() + ": no blocks read yet."
                        : "Cache hit ratio of " + now.database() + " since the statistics were reset: "
                                + MonitorText.ratio(ratio));
        if (previous != null) {
            DatabaseRates.between(previous, now).ifPresent(rates -> {
                history.add(rates.at(), rates);
                throughput.set(
                        Map.of("transactions per s", ChartPoint.of(history, DatabaseRates::transactionsPerSecond)));
                Map<String, List<ChartPoint>> lines = new LinkedHashMap<>();
                lines.put("rows read per s", ChartPoint.of(history, DatabaseRates::rowsReadPerSecond));
                lines.put("rows written per s", ChartPoint.of(history, DatabaseRates::rowsWrittenPerSecond));
                rows.set(lines);
                cacheHitSeries.set(Map.of(
                        "cache hit %",
                        ChartPoint.of(
                                history, each -> each.cacheHitRatio() == null ? null : each.cacheHitRatio() * 100)));
            });
        }
        previous = now;
    }

    void applySizes(List<DatabaseSize> databases, List<RelationSize> largest) {
        sizes.setAll(databases);
        relations.setAll(largest);
    }

    public ObservableList<DatabaseSize> sizes() {
        return sizes;
    }

    public ObservableList<RelationSize> relations() {
        return relations;
    }

    public ReadOnlyStringProperty cacheHitProperty() {
        return cacheHit.getReadOnlyProperty();
    }

    /** The monitor's database. */
    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, List<ChartPoint>>> throughputProperty() {
        return throughput.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, List<ChartPoint>>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, List<ChartPoint>>> cacheHitSeriesProperty() {
        return cacheHitSeries.getReadOnlyProperty();
    }
}
