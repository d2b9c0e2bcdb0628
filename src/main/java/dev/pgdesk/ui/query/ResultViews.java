package dev.pgdesk.ui.query;

import dev.pgdesk.grid.ListRowSource;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.grid.ResultGrid;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Builds what a result tab shows: a table of rows, a command's summary, or a server error in full. */
final class ResultViews {
    private ResultViews() {}

    /**
     * The grid for a statement's rows, with a note when the result was cut at the row cap. The caller
     * starts it and disposes of it.
     */
    static ResultGrid rows(RowsResult result, String id, TaskRunner tasks) {
        ResultGrid grid = new ResultGrid(ListRowSource.of(result), tasks);
        grid.table().setId(id);
        return grid;
    }

    /** The grid, under a note when the statement returned more rows than were kept. */
    static Node withCapNote(RowsResult result, ResultGrid grid) {
        if (!result.truncated()) {
            return grid.content();
        }
        Label note = new Label("Showing the first " + result.rows().size()
                + " rows; the result has more. Add a LIMIT or a WHERE clause to see the rest.");
        note.getStyleClass().add("result-note");
        BorderPane pane = new BorderPane(grid.content());
        pane.setTop(note);
        return pane;
    }

    static Node update(UpdateResult result) {
        String tag = ResultText.commandTag(result);
        boolean counted = !tag.equals(result.command());
        Label label = new Label((counted
                        ? (result.rowsAffected() == 1 ? "1 row" : result.rowsAffected() + " rows") + " affected · "
                                + tag
                        : tag)
                + " · " + ResultText.millis(result.duration()));
        label.setId("updateSummary");
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
