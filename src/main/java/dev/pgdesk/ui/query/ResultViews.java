package dev.pgdesk.ui.query;

import dev.pgdesk.query.Column;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.UpdateResult;
import java.util.HexFormat;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Builds what a result tab shows: a table of rows, a command's summary, or a server error in full. */
final class ResultViews {
    private ResultViews() {}

    static Node rows(RowsResult result, String id) {
        TableView<Object[]> table = new TableView<>(FXCollections.observableArrayList(result.rows()));
        table.setId(id);
        table.getStyleClass().add("result-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setPlaceholder(new Label("The query returned no rows."));
        List<Column> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            table.getColumns().add(column(columns.get(i), i, widthOf(result, i)));
        }
        if (!result.truncated()) {
            return table;
        }
        Label note = new Label("Showing the first " + result.rows().size()
                + " rows; the result has more. Add a LIMIT or a WHERE clause to see the rest.");
        note.getStyleClass().add("result-note");
        BorderPane pane = new BorderPane(table);
        pane.setTop(note);
        return pane;
    }

    /** A width that fits the header and the first rows' values, within reason. */
    private static double widthOf(RowsResult result, int index) {
        // Headers are bold and carry the sort arrow's room, so they count for more than values.
        int chars = (int) Math.ceil(result.columns().get(index).name().length() * 1.25) + 3;
        for (int row = 0; row < Math.min(100, result.rows().size()); row++) {
            Object value = result.rows().get(row)[index];
            chars = Math.max(
                    chars, value == null ? 4 : Math.min(60, display(value).length()));
        }
        return Math.max(56, Math.min(480, 18 + chars * 7.5));
    }

    private static TableColumn<Object[], Object> column(Column column, int index, double width) {
        TableColumn<Object[], Object> tableColumn = new TableColumn<>(column.name());
        tableColumn.setUserData(column.name());
        tableColumn.setPrefWidth(width);
        tableColumn.setMinWidth(40);
        tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()[index]));
        tableColumn.setCellFactory(c -> new ValueCell());
        tableColumn.setSortable(false);
        return tableColumn;
    }

    /** Shows a value as text; NULL stands out from the text "NULL". */
    private static final class ValueCell extends TableCell<Object[], Object> {

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().remove("null-value");
            if (empty) {
                setText(null);
            } else if (value == null) {
                setText("NULL");
                getStyleClass().add("null-value");
            } else {
                setText(display(value));
            }
            setAlignment(value instanceof Number ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        }
    }

    static String display(Object value) {
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        String text = String.valueOf(value);
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    static Node update(UpdateResult result) {
        Label label = new Label(
                ResultText.describe(result) + " · " + result.duration().toMillis() + " ms");
        label.getStyleClass().add("update-summary");
        VBox box = new VBox(label);
        box.getStyleClass().add("result-message");
        return box;
    }

    static Node error(ServerError error) {
        Label title = new Label("ERROR " + error.sqlState() + ": " + error.message());
        title.getStyleClass().add("error-title");
        title.setWrapText(true);
        VBox box = new VBox(6, title);
        if (error.detail() != null && !error.detail().isBlank()) {
            box.getChildren().add(line("Detail: " + error.detail()));
        }
        if (error.hint() != null && !error.hint().isBlank()) {
            box.getChildren().add(line("Hint: " + error.hint()));
        }
        if (error.position() > 0) {
            box.getChildren().add(line("The error's position is marked in the editor."));
        }
        if (ServerError.IN_FAILED_TRANSACTION.equals(error.sqlState())) {
            box.getChildren().add(line("The transaction failed earlier: roll it back to run statements again."));
        }
        box.getStyleClass().addAll("result-message", "result-error");
        box.setId("resultError");
        return box;
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
