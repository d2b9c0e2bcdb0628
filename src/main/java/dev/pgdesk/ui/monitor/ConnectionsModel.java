package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.ConnectionCounts;
import dev.pgdesk.monitor.MetricHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The Connections sub-tab: client connections by state against the limit, and their history. */
public final class ConnectionsModel {
    /** The states charted besides the total, in the order the legend shows them. */
    static final List<String> CHARTED_STATES = List.of("active", "idle", "idle in transaction");

    private final MetricHistory<ConnectionCounts> history;
    private final ReadOnlyObjectWrapper<ConnectionCounts> counts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper usage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, List<ChartPoint>>> series = new ReadOnlyObjectWrapper<>(Map.of());

    ConnectionsModel(MetricHistory<ConnectionCounts> history) {
        this.history = history;
    }

    void apply(ConnectionCounts now) {
        history.add(now.takenAt(), now);
        counts.set(now);
        int usable = Math.max(0, now.maxConnections() - now.reserved());
        usage.set(now.total() + " of " + usable + " usable connections in use ("
                + MonitorText.ratio(now.usedShare()) + "); max_connections " + now.maxConnections() + ", "
                + now.reserved() + " reserved, " + now.available() + " still available.");
        warning.set(now.warning().orElse(""));
        Map<String, List<ChartPoint>> lines = new LinkedHashMap<>();
        lines.put("total", ChartPoint.of(history, ConnectionCounts::total));
        for (String state : CHARTED_STATES) {
            lines.put(state, ChartPoint.of(history, each -> each.byState().getOrDefault(state, 0)));
        }
        series.set(lines);
    }

    /** The counts by state, largest first, for the table. */
    public List<Map.Entry<String, Integer>> byState() {
        ConnectionCounts now = counts.get();
        if (now == null) {
            return List.of();
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(now.byState().entrySet());
        entries.sort(
                Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }

    public ReadOnlyObjectProperty<ConnectionCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** "12 of 97 usable connections in use (12.4 %); …". */
    public ReadOnlyStringProperty usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** The warning near the limit; empty before. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The chart's lines by name: total and the main states. */
    public ReadOnlyObjectProperty<Map<String, List<ChartPoint>>> seriesProperty() {
        return series.getReadOnlyProperty();
    }
}
