package dev.pgdesk.ui.connect;

import dev.pgdesk.connect.check.CheckStep;
import dev.pgdesk.connect.check.StepStatus;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One step of a connection test: a status mark, the step's title, its summary and detail. */
final class CheckStepCell extends ListCell<CheckStep> {

    CheckStepCell() {
        // Take the list's width instead of asking for the text's: long summaries wrap, never scroll sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(CheckStep step, boolean empty) {
        super.updateItem(step, empty);
        setText(null);
        if (empty || step == null) {
            setGraphic(null);
            return;
        }
        Label mark = new Label(mark(step.status()));
        mark.getStyleClass().addAll("step-mark", "step-" + step.status().name().toLowerCase(Locale.ROOT));
        mark.setMinWidth(22);
        mark.setAlignment(Pos.CENTER);
        Label title = new Label(step.kind().title());
        title.getStyleClass().add("step-title");
        Label summary = new Label(step.summary());
        summary.setWrapText(true);
        VBox text = new VBox(2, title, summary);
        if (step.detail() != null && !step.detail().isBlank()) {
            Label detail = new Label(step.detail());
            detail.getStyleClass().add("hint");
            detail.setWrapText(true);
            text.getChildren().add(detail);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox row = new HBox(8, mark, text);
        row.setAlignment(Pos.TOP_LEFT);
        setGraphic(row);
    }

    static String mark(StepStatus status) {
        return switch (status) {
            case RUNNING -> "…";
            case OK -> "✓";
            case WARNING -> "⚠";
            case FAILED -> "✗";
            case SKIPPED -> "–";
        };
    }
}
