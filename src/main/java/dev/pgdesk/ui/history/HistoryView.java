package dev.pgdesk.ui.history;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.Outcome;
import dev.pgdesk.ui.table.TextColumns;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The statement history: a search field, the matching statements newest first, and a way to open one in the
 * editor (the button, a double click, or Enter).
 */
public final class HistoryView {
    private static final String STYLESHEET = "history.css";

    private final HistoryModel model;
    private final Consumer<HistoryEntry> openInEditor;
    private final VBox root = new VBox(8);
    private final TableView<HistoryEntry> table = new TableView<>();

    public HistoryView(HistoryModel model, Consumer<HistoryEntry> openInEditor) {
        this.model = Objects.requireNonNull(model, "The history view needs its model");
        this.openInEditor = Objects.requireNonNull(openInEditor, "The history view needs a way to open entries");
        root.getStyleClass().add("history");
        root.getStylesheets()
                .add(Objects.requireNonNull(HistoryView.class.getResource(STYLESHEET), "history.css is missing")
                        .toExternalForm());

        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText("Search statements, connections, errors");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                event.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);

        Button open = new Button("Open in Editor");
        open.setId("historyOpen");
        open.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(event -> openSelected());

        HBox bar = new HBox(8, search, open);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("historyProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, problem, table);
    }

    /** The view, ready to put in a tab or a pane. */
    public Parent content() {
        return root;
    }

    private void buildTable() {
        table.setId("historyTable");
        table.setItems(model.entries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        ZoneId zone = ZoneId.systemDefault();
        table.getColumns().add(column("When", 150, entry -> HistoryFormat.when(entry.executedAt(), zone, locale)));
        table.getColumns().add(column("Connection", 120, HistoryEntry::profileName));
        TableColumn<HistoryEntry, HistoryEntry> statement =
                column("Statement", 360, entry -> HistoryFormat.preview(entry.statement()), HistoryFormat::tooltip);
        statement.getStyleClass().add("history-statement");
        table.getColumns().add(statement);
        TableColumn<HistoryEntry, HistoryEntry> duration =
                column("Duration", 80, entry -> HistoryFormat.duration(entry.durationMillis()));
        duration.getStyleClass().add("history-number");
        table.getColumns().add(duration);
        TableColumn<HistoryEntry, HistoryEntry> rows =
                column("Rows", 70, entry -> HistoryFormat.rows(entry.rows(), locale));
        rows.getStyleClass().add("history-number");
        table.getColumns().add(rows);
        table.getColumns().add(column("Outcome", 220, HistoryFormat::outcome, HistoryEntry::message));

        Label placeholder = new Label();
        placeholder.getStyleClass().add("history-placeholder");
        placeholder
                .textProperty()
                .bind(Bindings.when(model.queryProperty()
                                .isEmpty()
                                .or(model.queryProperty().isNull()))
                        .then("No statements run yet.")
                        .otherwise("No statements match the search."));
        table.setPlaceholder(placeholder);

        table.setRowFactory(view -> {
            TableRow<HistoryEntry> row = new TableRow<>() {
                @Override
                protected void updateItem(HistoryEntry entry, boolean empty) {
                    super.updateItem(entry, empty);
                    getStyleClass().removeAll("history-error", "history-cancelled");
                    if (!empty && entry != null && entry.outcome() == Outcome.ERROR) {
                        getStyleClass().add("history-error");
                    } else if (!empty && entry != null && entry.outcome() == Outcome.CANCELLED) {
                        getStyleClass().add("history-cancelled");
                    }
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    openInEditor.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
    }

    private void openSelected() {
        HistoryEntry selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            openInEditor.accept(selected);
        }
    }

    private static TableColumn<HistoryEntry, HistoryEntry> column(
            String title, double width, Function<HistoryEntry, String> text) {
        return column(title, width, text, null);
    }

    /** @param tooltip the cell's tooltip text, or null for none */
    private static TableColumn<HistoryEntry, HistoryEntry> column(
            String title, double width, Function<HistoryEntry, String> text, Function<HistoryEntry, String> tooltip) {
        return TextColumns.of(title, width, text, tooltip);
    }
}
