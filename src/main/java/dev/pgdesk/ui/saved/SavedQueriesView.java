package dev.pgdesk.ui.saved;

import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.ui.table.TextColumns;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The saved queries tab: a filter box, the queries (name, connection, description, parameters, updated) and
 * their actions: Open in Editor (also a double click or Enter), Run, Edit…, Delete… and Copy Command Line.
 */
public final class SavedQueriesView {
    private final SavedQueriesModel model;
    private final SavedQueryActions actions;
    private final VBox root = new VBox(8);
    private final TableView<SavedQuery> table = new TableView<>();
    private final Label status = new Label();

    public SavedQueriesView(SavedQueriesModel model, SavedQueryActions actions) {
        this.model = Objects.requireNonNull(model, "The saved queries view needs its model");
        this.actions = Objects.requireNonNull(actions, "The saved queries view needs its actions");
        root.getStyleClass().add("saved-queries");
        root.getStylesheets()
                .add(Objects.requireNonNull(SavedQueriesView.class.getResource("saved.css"), "saved.css is missing")
                        .toExternalForm());

        TextField filter = new TextField();
        filter.setId("savedFilter");
        filter.setPromptText("Filter by name, description, SQL or connection");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                event.consume();
            }
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        Button open = button("Open in Editor", "savedOpen", none, () -> actions.open(selected(), false));
        Button run = button("Run", "savedRun", none, () -> actions.open(selected(), true));
        Button edit = button("Edit…", "savedEdit", none, () -> actions.edit(selected()));
        Button delete = button("Delete…", "savedDelete", none, () -> model.delete(selected()));
        Button copy = button("Copy Command Line", "savedCopyCommand", none, this::copyCommandLine);
        copy.setTooltip(new Tooltip("Copies the 'pgdesk run' command that runs this query from a terminal"));
        HBox bar = new HBox(8, filter, open, run, edit, delete, copy);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("savedProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        status.setId("savedStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, problem, table, status);
    }

    /** The view, ready to put in a tab. */
    public Parent content() {
        return root;
    }

    private SavedQuery selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private Button button(String text, String id, BooleanBinding disabled, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(disabled);
        button.setOnAction(event -> {
            if (selected() != null) {
                action.run();
            }
        });
        return button;
    }

    private void copyCommandLine() {
        actions.commandLine(selected()).ifPresent(line -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(line);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void buildTable() {
        table.setId("savedTable");
        table.setItems(model.queries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        ZoneId zone = ZoneId.systemDefault();
        table.getColumns().add(column("Name", 170, SavedQuery::name, q -> SavedQueryFormat.oneLine(q.sql())));
        table.getColumns().add(column("Connection", 140, model::scope, null));
        table.getColumns().add(column("Description", 240, SavedQuery::description, SavedQuery::description));
        table.getColumns().add(column("Parameters", 220, SavedQueryFormat::parameters, SavedQueryFormat::parameters));
        table.getColumns().add(column("Updated", 130, q -> SavedQueryFormat.when(q.updated(), zone, locale), null));

        Label placeholder = new Label();
        placeholder.getStyleClass().add("saved-placeholder");
        placeholder
                .textProperty()
                .bind(Bindings.when(model.filterProperty()
                                .isEmpty()
                                .or(model.filterProperty().isNull()))
                        .then("No saved queries yet. In a SQL editor, use SQL ▸ Save as Saved Query… (Ctrl+Alt+S).")
                        .otherwise("No saved queries match the filter."));
        table.setPlaceholder(placeholder);

        table.setRowFactory(view -> {
            TableRow<SavedQuery> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    actions.open(row.getItem(), false);
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && selected() != null) {
                actions.open(selected(), false);
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE && selected() != null) {
                model.delete(selected());
                event.consume();
            }
        });
    }

    /** @param tooltip the cell's tooltip text, or null for none */
    private static TableColumn<SavedQuery, SavedQuery> column(
            String title, double width, Function<SavedQuery, String> text, Function<SavedQuery, String> tooltip) {
        return TextColumns.of(title, width, text, tooltip);
    }
}
