package dev.pgdesk.ui.complete;

import dev.pgdesk.complete.Candidate;
import java.net.URL;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The completion popup: a list of candidates under the caret and a hint line below it, drawn from a
 * {@link CompletionModel}. It never takes the keyboard focus: the editor keeps it, and {@link SqlCompletion}
 * turns the keys into moves in the model.
 */
final class CompletionPopup {
    static final double ROW_HEIGHT = 22;
    private static final double WIDTH = 480;
    private static final String STYLESHEET = "/dev/pgdesk/ui/complete/completion.css";

    private final CompletionModel model;
    private final Popup popup = new Popup();
    private final ListView<Candidate> list = new ListView<>();
    private final Label hint = new Label();
    private final VBox root;
    private boolean syncing;

    /**
     * @param chosen called with the index of a candidate the user clicked, to insert it
     */
    CompletionPopup(CompletionModel model, IntConsumer chosen) {
        this.model = model;
        list.setId("completionList");
        list.setItems(model.candidates());
        list.setCellFactory(view -> new CandidateCell());
        list.setFixedCellSize(ROW_HEIGHT);
        list.setFocusTraversable(false);
        list.setPrefWidth(WIDTH);
        hint.setId("completionHint");
        hint.getStyleClass().add("completion-hint");
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(model.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        root = new VBox(list, hint);
        root.setId("completionPopup");
        root.getStyleClass().add("completion-popup");
        URL css = Objects.requireNonNull(CompletionPopup.class.getResource(STYLESHEET), "completion.css is missing");
        root.getStylesheets().add(css.toExternalForm());
        popup.getContent().add(root);
        popup.setAutoHide(false);
        popup.setHideOnEscape(false);
        popup.setAutoFix(true);

        model.candidates().addListener((ListChangeListener<Candidate>) change -> fitHeight());
        model.selectedIndexProperty().addListener((obs, old, index) -> showSelected(index.intValue()));
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncing && index.intValue() >= 0) {
                model.select(index.intValue());
            }
        });
        list.setOnMouseClicked(event -> {
            int index = list.getSelectionModel().getSelectedIndex();
            if (event.getButton() == MouseButton.PRIMARY && index >= 0) {
                chosen.accept(index);
            }
        });
        fitHeight();
    }

    /** Shows the popup with its top left corner at screen point ({@code x}, {@code y}), or moves it there. */
    void showAt(Window owner, double x, double y) {
        if (popup.isShowing()) {
            popup.setAnchorX(x);
            popup.setAnchorY(y);
        } else {
            popup.show(owner, x, y);
        }
        showSelected(model.selectedIndexProperty().get());
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** The popup's bounds on screen, for tests. */
    Bounds screenBounds() {
        return root.localToScreen(root.getBoundsInLocal());
    }

    private void fitHeight() {
        int rows = Math.max(1, Math.min(model.candidates().size(), CompletionModel.PAGE));
        double height = rows * ROW_HEIGHT + 2;
        list.setPrefHeight(height);
        list.setMinHeight(model.candidates().isEmpty() ? 0 : height);
        list.setVisible(!model.candidates().isEmpty());
        list.setManaged(!model.candidates().isEmpty());
        popup.sizeToScene();
    }

    private void showSelected(int index) {
        syncing = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
                return;
            }
            list.getSelectionModel().clearAndSelect(index);
            // The flow scrolls only as far as needed; ListView.scrollTo would put the row at the top.
            if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.scrollTo(index);
            } else {
                list.scrollTo(index);
            }
        } finally {
            syncing = false;
        }
    }
}
