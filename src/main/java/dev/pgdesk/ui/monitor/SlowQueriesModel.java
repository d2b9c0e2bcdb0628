package dev.pgdesk.ui.monitor;

import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.monitor.SlowQueries;
import dev.pgdesk.monitor.SlowQueryOrder;
import dev.pgdesk.monitor.StatementStats;
import dev.pgdesk.query.Column;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Slow Queries sub-tab: the top statements of {@code pg_stat_statements} in the order and number the
 * user picks, or — when the extension cannot be read — why and how to enable it, in words.
 */
public final class SlowQueriesModel {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final ServerMonitor monitor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TableExport export;
    private final Consumer<String> openInEditor;
    private final Runnable reread;

    private final ObjectProperty<SlowQueryOrder> order = new SimpleObjectProperty<>(SlowQueryOrder.TOTAL_TIME);
    private final ObjectProperty<Integer> limit = new SimpleObjectProperty<>(DEFAULT_LIMIT);
    private final ObservableList<StatementStats> statements = FXCollections.observableArrayList();
    private final ObjectProperty<StatementStats> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SlowQueries> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper howToEnable = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    SlowQueriesModel(
            ServerMonitor monitor,
            TaskRunner tasks,
            DialogService dialogs,
            TableExport export,
            Consumer<String> openInEditor,
            Runnable reread) {
        this.monitor = monitor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.export = export;
        this.openInEditor = openInEditor;
        this.reread = reread;
        order.addListener((obs, old, now) -> reread.run());
        limit.addListener((obs, old, now) -> reread.run());
    }

    /** The limit as a valid number, whatever the spinner holds. */
    int limitValue() {
        Integer value = limit.get();
        return value == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, value));
    }

    void apply(SlowQueries now) {
        result.set(now);
        if (now instanceof SlowQueries.Available list) {
            Long selectedId = selected.get() == null ? null : selected.get().queryId();
            statements.setAll(list.statements());
            available.set(true);
            canReset.set(list.canReset());
            unavailableReason.set("");
            howToEnable.set("");
            if (selectedId != null) {
                selected.set(list.statements().stream()
                        .filter(each -> each.queryId() == selectedId)
                        .findFirst()
                        .orElse(null));
            }
        } else if (now instanceof SlowQueries.Unavailable why) {
            statements.clear();
            available.set(false);
            canReset.set(false);
            unavailableReason.set(why.reason());
            howToEnable.set(why.howToEnable());
        }
    }

    /** Puts the selected statement into a new editor; its placeholders go to the parameter panel. */
    public void openSelected() {
        StatementStats statement = selected.get();
        if (statement != null) {
            openInEditor.accept(statement.query());
        }
    }

    /** Asks, then discards the statement statistics of the whole server. */
    public void reset() {
        if (!canReset.get()) {
            return;
        }
        if (!dialogs.confirm(
                "Reset Statement Statistics",
                "Discard every statement's statistics in pg_stat_statements? The counts start again from zero for"
                        + " every user and database on this server; this cannot be undone.",
                "Reset")) {
            return;
        }
        message.set("Resetting the statement statistics…");
        tasks.run(
                token -> {
                    monitor.resetStatementStats();
                    return true;
                },
                done -> {
                    message.set("The statement statistics were reset.");
                    reread.run();
                },
                error -> {
                    String said = "The statistics were not reset: " + MonitorText.describe(error);
                    message.set(said);
                    dialogs.showError("Could not reset", said);
                });
    }

    /** Writes {@code shown} (the table's rows in its order) to a file the user picks. */
    public void export(List<StatementStats> shown, ExportOptions options) {
        List<Object[]> values = shown.stream()
                .map(each -> new Object[] {
                    each.queryId(),
                    each.user(),
                    each.database(),
                    each.calls(),
                    each.totalMillis(),
                    each.meanMillis(),
                    each.rows(),
                    each.hitRatio(),
                    each.query()
                })
                .toList();
        export.export("Export Slow Queries", "slow-queries", EXPORT_COLUMNS, values, options, message::set);
    }

    private static final List<Column> EXPORT_COLUMNS = List.of(
            new Column("query_id", "int8"),
            new Column("user", "text"),
            new Column("database", "text"),
            new Column("calls", "int8"),
            new Column("total_time_ms", "float8"),
            new Column("mean_time_ms", "float8"),
            new Column("rows", "int8"),
            new Column("hit_ratio", "float8"),
            new Column("query", "text"));

    public ObjectProperty<SlowQueryOrder> orderProperty() {
        return order;
    }

    /** Top N. */
    public ObjectProperty<Integer> limitProperty() {
        return limit;
    }

    public ObservableList<StatementStats> statements() {
        return statements;
    }

    public ObjectProperty<StatementStats> selectedProperty() {
        return selected;
    }

    /** The last reading; null before the first. */
    public ReadOnlyObjectProperty<SlowQueries> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** False when {@code pg_stat_statements} cannot be read (the reason shows instead of the table). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResetProperty() {
        return canReset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty howToEnableProperty() {
        return howToEnable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
