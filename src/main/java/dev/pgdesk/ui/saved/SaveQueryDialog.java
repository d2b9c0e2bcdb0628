package dev.pgdesk.ui.saved;

import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.ui.theme.Theme;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Save as Saved Query" and "Edit Saved Query" dialog: builds the controls and binds them to a
 * {@link SaveQueryModel}; closes itself once the model has saved.
 */
public final class SaveQueryDialog {
    private final SaveQueryModel model;
    private final VBox root = new VBox(10);
    private final Button cancel = new Button("Cancel");

    public SaveQueryDialog(SaveQueryModel model) {
        this.model = Objects.requireNonNull(model, "The dialog needs its model");
        root.getStyleClass().add("save-query");
        root.getStylesheets()
                .add(Objects.requireNonNull(SaveQueryDialog.class.getResource("saved.css"), "saved.css is missing")
                        .toExternalForm());
        root.setPrefSize(720, 620);
        root.getChildren().addAll(form(), sqlArea(), parameterTable(), buttons());
    }

    /**
     * Shows the dialog modal over {@code owner} without blocking; {@code onSaved} gets the stored query when
     * the user saved, nothing when they cancelled.
     */
    public Stage show(Window owner, Consumer<SavedQuery> onSaved) {
        Stage stage = Theme.dialogStage(owner, model.isEditing() ? "Edit Saved Query" : "Save as Saved Query", root);
        model.savedProperty().addListener((obs, old, saved) -> {
            if (saved != null) {
                stage.close();
                onSaved.accept(saved);
            }
        });
        cancel.setOnAction(event -> stage.close());
        stage.show();
        root.lookup("#savedQueryName").requestFocus();
        return stage;
    }

    public VBox content() {
        return root;
    }

    private GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        TextField name = new TextField();
        name.setId("savedQueryName");
        name.setPromptText("daily_report");
        name.textProperty().bindBidirectional(model.nameProperty());
        Label nameProblem = problemLabel("savedQueryNameProblem");
        nameProblem.textProperty().bind(model.nameProblemProperty());
        // The rule reads as a hint until something is typed; only a name that breaks it is shown as an error.
        name.textProperty().addListener((obs, old, typed) -> showAsHint(nameProblem, typed.isEmpty()));
        showAsHint(nameProblem, name.getText().isEmpty());
        form.addRow(0, new Label("Name"), name);
        form.add(nameProblem, 1, 1);

        TextField description = new TextField();
        description.setId("savedQueryDescription");
        description.setPromptText("What the query shows, for the list");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        form.addRow(2, new Label("Description"), description);

        ToggleGroup scope = new ToggleGroup();
        RadioButton connection = new RadioButton(model.connectionLabel());
        connection.setId("savedQueryScopeConnection");
        connection.setToggleGroup(scope);
        connection.setDisable(!model.hasConnection());
        RadioButton global = new RadioButton("All connections (global)");
        global.setId("savedQueryScopeGlobal");
        global.setToggleGroup(scope);
        global.setSelected(model.globalProperty().get());
        connection.setSelected(!model.globalProperty().get());
        global.selectedProperty()
                .addListener((obs, old, now) -> model.globalProperty().set(now));
        HBox scopes = new HBox(16, connection, global);
        scopes.setAlignment(Pos.CENTER_LEFT);
        form.addRow(3, new Label("Available in"), scopes);

        Label replaceNote = new Label();
        replaceNote.setId("savedQueryReplaceNote");
        replaceNote.getStyleClass().add("saved-replace-note");
        replaceNote
                .textProperty()
                .bind(Bindings.concat("Saving replaces the saved query “", model.nameProperty(), "”."));
        replaceNote.visibleProperty().bind(model.replacesOriginal());
        replaceNote.managedProperty().bind(replaceNote.visibleProperty());
        form.add(replaceNote, 1, 4);
        return form;
    }

    private VBox sqlArea() {
        TextArea sql = new TextArea();
        sql.setId("savedQuerySql");
        sql.getStyleClass().add("sql-text");
        sql.setPrefRowCount(8);
        sql.textProperty().bindBidirectional(model.sqlProperty());
        Label problem = problemLabel("savedQuerySqlProblem");
        problem.textProperty().bind(model.sqlProblemProperty());
        VBox.setVgrow(sql, Priority.ALWAYS);
        VBox box = new VBox(4, new Label("SQL"), sql, problem);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private VBox parameterTable() {
        TableView<ParameterDraft> table = new TableView<>(model.parameters());
        table.setId("savedQueryParameters");
        table.setPrefHeight(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("The SQL has no parameters ($1 or :name).");
        placeholder.getStyleClass().add("saved-placeholder");
        table.setPlaceholder(placeholder);

        TableColumn<ParameterDraft, String> label = new TableColumn<>("Parameter");
        label.setCellValueFactory(features -> new javafx.beans.property.ReadOnlyStringWrapper(
                features.getValue().label()));
        label.setEditable(false);
        label.setStyle("-fx-alignment: center-left;");
        label.setPrefWidth(120);
        TableColumn<ParameterDraft, String> value = new TableColumn<>("Default value (empty: must be given)");
        value.setCellValueFactory(features -> features.getValue().defaultValueProperty());
        value.setCellFactory(column -> new FieldCell(ParameterDraft::defaultValueProperty, "required"));
        value.setPrefWidth(300);
        TableColumn<ParameterDraft, String> type = new TableColumn<>("Type (optional)");
        type.setCellValueFactory(features -> features.getValue().typeProperty());
        type.setCellFactory(column -> new FieldCell(ParameterDraft::typeProperty, "such as date"));
        type.setPrefWidth(140);
        table.getColumns().add(label);
        table.getColumns().add(value);
        table.getColumns().add(type);

        Label hint = new Label("A parameter without a default value must be given each time the query runs.");
        hint.getStyleClass().add("hint");
        return new VBox(4, new Label("Parameters"), table, hint);
    }

    private HBox buttons() {
        Label error = problemLabel("savedQuerySaveError");
        error.textProperty().bind(model.saveErrorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        cancel.setId("cancelSavedQuery");
        cancel.setCancelButton(true);
        Button save = new Button();
        save.setId("saveSavedQuery");
        save.textProperty()
                .bind(Bindings.when(model.replacesOriginal()).then("Replace").otherwise("Save"));
        save.setDefaultButton(true);
        save.disableProperty().bind(model.canSave().not());
        save.setOnAction(event -> model.save());
        HBox bar = new HBox(8, error, spacer, cancel, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private static void showAsHint(Label problem, boolean hint) {
        problem.getStyleClass().removeAll("hint", "field-error");
        problem.getStyleClass().add(hint ? "hint" : "field-error");
    }

    private static Label problemLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A cell that is always a text field, so a value typed counts without pressing Enter. */
    private static final class FieldCell extends TableCell<ParameterDraft, String> {
        private final TextField field = new TextField();
        private final Function<ParameterDraft, StringProperty> property;
        private StringProperty bound;

        FieldCell(Function<ParameterDraft, StringProperty> property, String prompt) {
            this.property = property;
            field.setPromptText(prompt);
            field.getStyleClass().add("saved-parameter-field");
            setText(null);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            StringProperty wanted =
                    empty || getTableRow() == null || getTableRow().getItem() == null
                            ? null
                            : property.apply(getTableRow().getItem());
            // Typing changes the cell's item too; binding again would set the text anew and send the caret
            // back to the start, so that the next key lands in front of what was typed.
            if (wanted == bound) {
                return;
            }
            if (bound != null) {
                field.textProperty().unbindBidirectional(bound);
            }
            bound = wanted;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            field.textProperty().bindBidirectional(bound);
            setGraphic(field);
        }
    }
}
