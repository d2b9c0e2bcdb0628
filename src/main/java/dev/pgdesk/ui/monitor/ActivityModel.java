package dev.pgdesk.ui.monitor;

import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.monitor.ActivityFilter;
import dev.pgdesk.monitor.ActivitySnapshot;
import dev.pgdesk.monitor.ActivityThresholds;
import dev.pgdesk.monitor.SessionActivity;
import dev.pgdesk.query.Column;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Activity sub-tab: the filter and thresholds the user sets, the sessions that pass (one row per pid,
 * updated in place), which one is selected (remembered by pid across refreshes), and Cancel / Terminate.
 */
public final class ActivityModel {
    private final Signals signals;
    private final TableExport export;

    private final BooleanProperty hideIdle = new SimpleBooleanProperty();
    private final BooleanProperty onlyThisDatabase = new SimpleBooleanProperty();
    private final BooleanProperty onlyMyUser = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Integer> longRunningSeconds = new SimpleObjectProperty<>(
            (int) ActivityThresholds.DEFAULT.longRunning().toSeconds());
    private final ObjectProperty<Integer> idleInTransactionSeconds = new SimpleObjectProperty<>(
            (int) ActivityThresholds.DEFAULT.idleInTransaction().toSeconds());

    private final ObservableList<ActivityRow> rows = FXCollections.observableArrayList(ActivityRow::observables);
    private final ObservableList<ActivityRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<ActivityRow> selected = new ReadOnlyObjectWrapper<>();
    private Integer selectedPid;
    private boolean updating;
    /** Bumped after every change of {@link #rows()}, so the view can put the selection back. */
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper();

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private ActivitySnapshot snapshot;

    ActivityModel(Signals.Factory signals, TableExport export) {
        this.signals = signals.create(message::set);
        this.export = export;
        InvalidationListener reapply = observable -> reapply();
        hideIdle.addListener(reapply);
        onlyThisDatabase.addListener(reapply);
        onlyMyUser.addListener(reapply);
        search.addListener(reapply);
        longRunningSeconds.addListener(reapply);
        idleInTransactionSeconds.addListener(reapply);
    }

    // Refresh

    /** Shows a new reading of the server's sessions. */
    void apply(ActivitySnapshot now) {
        snapshot = now;
        reapply();
    }

    private void reapply() {
        if (snapshot == null) {
            return;
        }
        ActivityThresholds thresholds = thresholds();
        List<SessionActivity> shown = snapshot.filtered(filter());
        Map<Integer, ActivityRow> existing = new HashMap<>();
        rows.forEach(row -> existing.put(row.pid(), row));
        Set<Integer> present = new HashSet<>();
        List<ActivityRow> added = new ArrayList<>();
        updating = true;
        try {
            for (SessionActivity session : shown) {
                present.add(session.pid());
                ActivityRow row = existing.get(session.pid());
                if (row == null) {
                    added.add(new ActivityRow(session, thresholds.classify(session)));
                } else {
                    row.update(session, thresholds.classify(session));
                }
            }
            rows.removeIf(row -> !present.contains(row.pid()));
            rows.addAll(added);
        } finally {
            updating = false;
        }
        selected.set(selectedPid == null ? null : rowOf(selectedPid));
        summary.set(describe(shown.size(), snapshot.sessions().size()));
        generation.set(generation.get() + 1);
    }

    private static String describe(int shown, int all) {
        return shown == all
                ? all + (all == 1 ? " session" : " sessions")
                : shown + " of " + all + " sessions (filtered)";
    }

    private ActivityRow rowOf(int pid) {
        return rows.stream().filter(row -> row.pid() == pid).findFirst().orElse(null);
    }

    /** The filter as the check boxes and the search field set it. */
    public ActivityFilter filter() {
        return new ActivityFilter(hideIdle.get(), onlyThisDatabase.get(), onlyMyUser.get(), search.get());
    }

    /** The thresholds as the spinners set them. */
    public ActivityThresholds thresholds() {
        return new ActivityThresholds(
                Duration.ofSeconds(Math.max(0, valueOr(longRunningSeconds.get(), 60))),
                Duration.ofSeconds(Math.max(0, valueOr(idleInTransactionSeconds.get(), 30))));
    }

    private static int valueOr(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    // Selection

    /**
     * The user selected {@code row} (null for none). Changes of the table's selection while a refresh
     * replaces rows are not the user's and are ignored, so the pid stays selected.
     */
    public void select(ActivityRow row) {
        if (updating) {
            return;
        }
        selectedPid = row == null ? null : row.pid();
        selected.set(row);
    }

    /** The pid the user selected last, even when its row is filtered out for now. */
    public Integer selectedPid() {
        return selectedPid;
    }

    // Commands

    /** Asks, then cancels the selected session's query. */
    public void cancelSelected() {
        ActivityRow row = selected.get();
        if (row != null) {
            signals.cancel(row.session());
        }
    }

    /** Asks, then terminates the selected session. */
    public void terminateSelected() {
        ActivityRow row = selected.get();
        if (row != null) {
            signals.terminate(row.session());
        }
    }

    /** Cancel and Terminate for any session, for the blocking tree. */
    Signals signals() {
        return signals;
    }

    /** Writes {@code shown} (the table's rows in its order) to a file the user picks. */
    public void export(List<ActivityRow> shown, ExportOptions options) {
        List<Object[]> values = shown.stream()
                .map(ActivityRow::session)
                .map(ActivityModel::exportRow)
                .toList();
        export.export("Export Activity", "activity", EXPORT_COLUMNS, values, options, message::set);
    }

    private static final List<Column> EXPORT_COLUMNS = List.of(
            new Column("pid", "int4"),
            new Column("user", "text"),
            new Column("database", "text"),
            new Column("application", "text"),
            new Column("client_address", "text"),
            new Column("backend_type", "text"),
            new Column("state", "text"),
            new Column("wait_event_type", "text"),
            new Column("wait_event", "text"),
            new Column("transaction_start", "timestamptz"),
            new Column("transaction_age_seconds", "float8"),
            new Column("query_start", "timestamptz"),
            new Column("query_duration_seconds", "float8"),
            new Column("blocked_by", "text"),
            new Column("query", "text"));

    private static Object[] exportRow(SessionActivity session) {
        return new Object[] {
            session.pid(),
            session.user(),
            session.database(),
            session.application(),
            session.clientAddress(),
            session.backendType(),
            session.state(),
            session.waitEventType(),
            session.waitEvent(),
            TableExport.timestamp(session.transactionStart()),
            TableExport.seconds(session.transactionAge()),
            TableExport.timestamp(session.queryStart()),
            TableExport.seconds(session.queryDuration()),
            session.blockedBy().stream().map(String::valueOf).collect(Collectors.joining(" ")),
            session.query()
        };
    }

    // Properties

    public BooleanProperty hideIdleProperty() {
        return hideIdle;
    }

    public BooleanProperty onlyThisDatabaseProperty() {
        return onlyThisDatabase;
    }

    public BooleanProperty onlyMyUserProperty() {
        return onlyMyUser;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Integer> longRunningSecondsProperty() {
        return longRunningSeconds;
    }

    public ObjectProperty<Integer> idleInTransactionSecondsProperty() {
        return idleInTransactionSeconds;
    }

    /** The sessions that pass the filter, in pid order; rows are updated in place. */
    public ObservableList<ActivityRow> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<ActivityRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    /** "12 sessions" or "3 of 12 sessions (filtered)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last action (a signal, an export) came to. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether Cancel and Terminate apply: a session other than the monitor's own is selected. */
    public BooleanBinding canSignal() {
        return Bindings.createBooleanBinding(
                () -> selected.get() != null
                        && selected.get().session() != null
                        && !selected.get().session().own(),
                selected);
    }
}
