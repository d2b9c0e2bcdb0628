package dev.pgdesk.ui.monitor;

import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.monitor.ActivityThresholds.Highlight;
import dev.pgdesk.monitor.ElapsedText;
import dev.pgdesk.monitor.SessionActivity;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Activity sub-tab: filters and thresholds, the sessions table, the selected query, and the actions. */
final class ActivityView {
    private final ActivityModel model;
    private final TableView<ActivityRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    /** True while the view itself puts the selection back after a refresh. */
    private boolean restoring;

    ActivityView(ActivityModel model) {
        this.model = model;
        root.getStyleClass().add("monitor-section");
        root.setTop(filterBar());
        SplitPane split = new SplitPane(table(), details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root.setCenter(split);
    }

    Node content() {
        return root;
    }

    private Node filterBar() {
        CheckBox hideIdle = check("Hide idle", "hideIdle", model.hideIdleProperty());
        CheckBox thisDatabase = check("Only this database", "onlyThisDatabase", model.onlyThisDatabaseProperty());
        CheckBox myUser = check("Only my user", "onlyMyUser", model.onlyMyUserProperty());
        TextField search = new TextField();
        search.setId("activitySearch");
        search.setPromptText("Search query, user, application, pid…");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.SOMETIMES);

        Spinner<Integer> longRunning = seconds("longRunningThreshold", model.longRunningSecondsProperty());
        longRunning.setTooltip(new Tooltip("Queries running longer than this are highlighted"));
        Spinner<Integer> idleInTransaction =
                seconds("idleInTransactionThreshold", model.idleInTransactionSecondsProperty());
        idleInTransaction.setTooltip(new Tooltip("Sessions idle in a transaction longer than this are highlighted"));
        Label summary = new Label();
        summary.setId("activitySummary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(model.summaryProperty());

        HBox filters = new HBox(12, hideIdle, thisDatabase, myUser, search);
        filters.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox thresholds = new HBox(
                8,
                legend("long-running", "Long-running after (s)"),
                longRunning,
                legend("idle-in-transaction", "Idle in transaction after (s)"),
                idleInTransaction,
                spacer,
                summary);
        thresholds.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, filters, thresholds);
        bar.getStyleClass().add("monitor-bar");
        return bar;
    }

    private static Label legend(String styleClass, String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("threshold-legend", styleClass);
        return label;
    }

    private static CheckBox check(String text, String id, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static Spinner<Integer> seconds(String id, javafx.beans.property.ObjectProperty<Integer> property) {
        Spinner<Integer> spinner = new Spinner<>(0, 86_400, property.get(), 5);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.getValueFactory().valueProperty().bindBidirectional(property);
        return spinner;
    }

    private Node table() {
        table.setId("activityTable");
        table.getStyleClass().add("monitor-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label("No session matches the filter."));
        SortedList<ActivityRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns()
                .setAll(List.of(
                        column("PID", 70, SessionActivity::pid, String::valueOf),
                        column("User", 90, SessionActivity::user, text -> text),
                        column("Database", 90, SessionActivity::database, text -> text),
                        column("Application", 120, ActivityView::applicationOrProcess, text -> text),
                        column("State", 130, SessionActivity::state, text -> text),
                        column("Wait event", 130, ActivityView::waitEvent, text -> text),
                        column("Duration", 75, SessionActivity::queryDuration, ElapsedText::of),
                        column("Xact age", 75, SessionActivity::transactionAge, ElapsedText::of),
                        column("Query", 380, SessionActivity::query, MonitorText::oneLine),
                        column("Client", 100, SessionActivity::clientAddress, text -> text),
                        column("Backend type", 130, SessionActivity::backendType, text -> text),
                        column("Query start", 85, SessionActivity::queryStart, MonitorText::time),
                        column("Xact start", 85, SessionActivity::transactionStart, MonitorText::time)));
        table.setRowFactory(view -> new HighlightedRow());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!restoring) {
                model.select(row);
            }
        });
        model.generationProperty().addListener((obs, old, now) -> restoreSelection());
        return table;
    }

    /** A server process has no application name; its kind (checkpointer, walwriter, …) says what it is. */
    private static String applicationOrProcess(SessionActivity session) {
        boolean serverProcess = session.backendType() != null && !"client backend".equals(session.backendType());
        return serverProcess && session.application().isEmpty() ? session.backendType() : session.application();
    }

    private static String waitEvent(SessionActivity session) {
        if (session.waitEvent() == null) {
            return null;
        }
        return session.waitEventType() == null
                ? session.waitEvent()
                : session.waitEventType() + ": " + session.waitEvent();
    }

    private <T extends Comparable<? super T>> TableColumn<ActivityRow, T> column(
            String title, double width, Function<SessionActivity, T> value, Function<T, String> format) {
        return Columns.column(title, width, ActivityRow::sessionProperty, value, format);
    }

    /** Puts the selection back on the remembered pid after rows were added, removed or re-sorted. */
    private void restoreSelection() {
        ActivityRow wanted = model.selectedProperty().get();
        if (table.getSelectionModel().getSelectedItem() == wanted) {
            return;
        }
        restoring = true;
        try {
            if (wanted == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(wanted);
            }
        } finally {
            restoring = false;
        }
    }

    private Node details() {
        TextArea query = new TextArea();
        query.setId("activityQuery");
        query.setEditable(false);
        query.setWrapText(true);
        query.getStyleClass().add("query-text");
        query.setPromptText("Select a session to see its full query.");
        query.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ActivityRow row = model.selectedProperty().get();
                            SessionActivity session =
                                    row == null ? null : row.sessionProperty().get();
                            return session == null || session.query() == null ? "" : session.query();
                        },
                        model.selectedProperty(),
                        model.generationProperty()));

        Button cancel = new Button("Cancel Query");
        cancel.setId("cancelBackend");
        cancel.setTooltip(new Tooltip("Cancel the selected session's query (pg_cancel_backend)"));
        cancel.disableProperty().bind(model.canSignal().not());
        cancel.setOnAction(event -> model.cancelSelected());
        Button terminate = new Button("Terminate Session");
        terminate.setId("terminateBackend");
        terminate.getStyleClass().add("danger");
        terminate.setTooltip(new Tooltip("Close the selected session's connection (pg_terminate_backend)"));
        terminate.disableProperty().bind(model.canSignal().not());
        terminate.setOnAction(event -> model.terminateSelected());
        MenuButton export = exportMenu();
        Label message = new Label();
        message.setId("activityMessage");
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(8, cancel, terminate, export, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(query, Priority.ALWAYS);
        VBox box = new VBox(6, actions, query);
        box.getStyleClass().add("monitor-details");
        return box;
    }

    private MenuButton exportMenu() {
        MenuButton export = new MenuButton("Export");
        export.setId("exportActivity");
        export.setTooltip(new Tooltip("Write the sessions shown to a file"));
        export.getItems()
                .setAll(
                        exportItem("JSON…", "exportActivityJson", ExportOptions.of(ExportFormat.JSON)),
                        exportItem("JSON Lines…", "exportActivityJsonl", ExportOptions.of(ExportFormat.JSONL)),
                        exportItem("CSV…", "exportActivityCsv", ExportOptions.of(ExportFormat.CSV)));
        return export;
    }

    private MenuItem exportItem(String text, String id, ExportOptions options) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> model.export(List.copyOf(table.getItems()), options));
        return item;
    }

    /** A row marked long-running, idle in transaction, blocked or the monitor's own. */
    private static final class HighlightedRow extends TableRow<ActivityRow> {
        private static final List<String> MARKS =
                List.of("long-running", "idle-in-transaction", "own-session", "blocked-session");
        private final ChangeListener<Object> restyle = (obs, old, now) -> restyle();

        @Override
        protected void updateItem(ActivityRow item, boolean empty) {
            ActivityRow old = getItem();
            if (old != null) {
                old.highlightProperty().removeListener(restyle);
                old.sessionProperty().removeListener(restyle);
            }
            super.updateItem(item, empty);
            if (item != null && !empty) {
                item.highlightProperty().addListener(restyle);
                item.sessionProperty().addListener(restyle);
            }
            restyle();
        }

        private void restyle() {
            getStyleClass().removeAll(MARKS);
            ActivityRow item = getItem();
            if (item == null || isEmpty()) {
                setTooltip(null);
                return;
            }
            SessionActivity session = item.session();
            Highlight mark = item.highlightProperty().get();
            if (mark == Highlight.LONG_RUNNING) {
                getStyleClass().add("long-running");
            } else if (mark == Highlight.IDLE_IN_TRANSACTION) {
                getStyleClass().add("idle-in-transaction");
            }
            if (session.blocked()) {
                getStyleClass().add("blocked-session");
            }
            if (session.own()) {
                getStyleClass().add("own-session");
            }
            setTooltip(session.own() ? new Tooltip("The monitor's own connection") : null);
        }
    }
}
