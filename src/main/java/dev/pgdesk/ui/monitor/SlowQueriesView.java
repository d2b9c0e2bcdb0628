package dev.pgdesk.ui.monitor;

import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.monitor.SlowQueryOrder;
import dev.pgdesk.monitor.StatementStats;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Slow Queries sub-tab: the ranked statements, or why pg_stat_statements cannot be read and the fix. */
final class SlowQueriesView {
    private final SlowQueriesModel model;
    private final TableView<StatementStats> table = new TableView<>();
    private final BorderPane root = new BorderPane();

    SlowQueriesView(SlowQueriesModel model) {
        this.model = model;
        root.getStyleClass().add("monitor-section");
        root.setTop(toolBar());
        StackPane center = new StackPane(body(), unavailable());
        root.setCenter(center);
    }

    Node content() {
        return root;
    }

    private Node toolBar() {
        ChoiceBox<SlowQueryOrder> order = new ChoiceBox<>();
        order.setId("slowQueryOrder");
        order.getItems().setAll(SlowQueryOrder.values());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(SlowQueryOrder value) {
                return value == null ? "" : "by " + value.label();
            }

            @Override
            public SlowQueryOrder fromString(String text) {
                return null;
            }
        });
        order.valueProperty().bindBidirectional(model.orderProperty());
        Spinner<Integer> limit = new Spinner<>(1, SlowQueriesModel.MAX_LIMIT, model.limitValue(), 10);
        limit.setId("slowQueryLimit");
        limit.setEditable(true);
        limit.setPrefWidth(90);
        limit.getValueFactory().valueProperty().bindBidirectional(model.limitProperty());

        Button open = new Button("Open in Editor");
        open.setId("openSlowQuery");
        open.setTooltip(new Tooltip("Open the selected statement in a new SQL editor; its $n go to the parameters"));
        open.disableProperty().bind(model.selectedProperty().isNull());
        open.setOnAction(event -> model.openSelected());
        Button reset = new Button("Reset…");
        reset.setId("resetStatements");
        reset.setTooltip(new Tooltip("Discard the statistics of pg_stat_statements (pg_stat_statements_reset)"));
        reset.disableProperty().bind(model.canResetProperty().not());
        reset.setOnAction(event -> model.reset());
        MenuButton export = new MenuButton("Export");
        export.setId("exportSlowQueries");
        export.disableProperty().bind(model.availableProperty().not());
        export.getItems()
                .setAll(
                        exportItem("JSON…", "exportSlowQueriesJson", ExportOptions.of(ExportFormat.JSON)),
                        exportItem("JSON Lines…", "exportSlowQueriesJsonl", ExportOptions.of(ExportFormat.JSONL)),
                        exportItem("CSV…", "exportSlowQueriesCsv", ExportOptions.of(ExportFormat.CSV)));
        Label message = new Label();
        message.setId("slowQueriesMessage");
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.messageProperty());
        HBox bar = new HBox(8, new Label("Top"), limit, order, open, reset, export, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("monitor-bar");
        return bar;
    }

    private MenuItem exportItem(String text, String id, ExportOptions options) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> model.export(List.copyOf(table.getItems()), options));
        return item;
    }

    private Node body() {
        table.setId("slowQueriesTable");
        table.getStyleClass().add("monitor-table");
        table.setPlaceholder(new Label("No statements recorded yet."));
        SortedList<StatementStats> sorted = new SortedList<>(model.statements());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns()
                .setAll(List.of(
                        column("Total time", 110, StatementStats::totalMillis, MonitorText::millis),
                        column("Mean time", 100, StatementStats::meanMillis, MonitorText::millis),
                        column("Calls", 80, StatementStats::calls, String::valueOf),
                        column("Rows", 80, StatementStats::rows, String::valueOf),
                        column("Hit ratio", 80, StatementStats::hitRatio, MonitorText::ratio),
                        column("User", 90, StatementStats::user, text -> text),
                        column("Database", 100, StatementStats::database, text -> text),
                        column("Query", 520, StatementStats::query, MonitorText::oneLine)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null
                    || !model.statements().contains(model.selectedProperty().get())) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setRowFactory(view -> {
            TableRow<StatementStats> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.openSelected();
                }
            });
            return row;
        });
        TextArea query = new TextArea();
        query.setId("slowQueryText");
        query.setEditable(false);
        query.setWrapText(true);
        query.getStyleClass().add("query-text");
        query.setPromptText("Select a statement to see its normalised text.");
        query.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() == null
                                ? ""
                                : model.selectedProperty().get().query(),
                        model.selectedProperty()));
        SplitPane split = new SplitPane(table, query);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);
        split.setId("slowQueriesBody");
        split.visibleProperty().bind(model.availableProperty());
        return split;
    }

    private static <T extends Comparable<? super T>> TableColumn<StatementStats, T> column(
            String title, double width, Function<StatementStats, T> value, Function<T, String> format) {
        return Columns.plain(title, width, value, format);
    }

    private Node unavailable() {
        Label title = new Label("Slow queries are not available");
        title.getStyleClass().add("headline");
        Label reason = new Label();
        reason.setId("slowQueriesReason");
        reason.getStyleClass().add("unavailable-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(model.unavailableReasonProperty());
        Label how = new Label("How to enable it:");
        how.getStyleClass().add("section-title");
        TextArea steps = new TextArea();
        steps.setId("slowQueriesHowTo");
        steps.setEditable(false);
        steps.setWrapText(true);
        steps.getStyleClass().add("query-text");
        steps.textProperty().bind(model.howToEnableProperty());
        // Sized to the steps (a handful of lines), selectable so the statements can be copied.
        steps.setPrefRowCount(9);
        steps.setMaxHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(10, title, reason, how, steps);
        box.setId("slowQueriesUnavailable");
        box.getStyleClass().add("unavailable-box");
        box.visibleProperty().bind(model.availableProperty().not());
        return box;
    }
}
