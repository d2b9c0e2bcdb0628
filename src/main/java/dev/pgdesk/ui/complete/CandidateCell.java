package dev.pgdesk.ui.complete;

import dev.pgdesk.complete.Candidate;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One row of the completion list: the kind's tag, the name, and its detail in grey on the right. */
final class CandidateCell extends ListCell<Candidate> {
    private final Label tag = new Label();
    private final Label name = new Label();
    private final Label detail = new Label();
    private final HBox row;

    CandidateCell() {
        tag.getStyleClass().add("completion-kind");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        name.getStyleClass().add("completion-label");
        name.setMinWidth(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("completion-detail");
        // A long signature is cut short with an ellipsis rather than widening the list.
        detail.setMinWidth(0);
        detail.setTextOverrun(OverrunStyle.ELLIPSIS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        row = new HBox(6, tag, name, gap, detail);
        row.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("completion-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // Cells take the list's width instead of asking for their content's: no horizontal scroll bar.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Candidate candidate, boolean empty) {
        super.updateItem(candidate, empty);
        tag.getStyleClass().removeIf(style -> style.startsWith("completion-kind-"));
        if (empty || candidate == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        tag.setText(KindTag.text(candidate.kind()));
        tag.getStyleClass().add(KindTag.styleClass(candidate.kind()));
        name.setText(candidate.label());
        detail.setText(candidate.detail());
        setText(candidate.label());
        setAccessibleText(candidate.label() + ", " + KindTag.description(candidate.kind()));
        setGraphic(row);
    }
}
