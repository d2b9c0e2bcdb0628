package dev.pgdesk.ui.complete;

import dev.pgdesk.complete.Candidate;
import dev.pgdesk.complete.CompletionResult;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the completion popup shows: the current result's candidates, which one is selected, a hint line
 * (such as "loading schema…") and whether the popup is up. Holds no nodes, so it is tested without a stage;
 * {@link CompletionPopup} draws it and {@link SqlCompletion} drives it from the editor.
 */
public final class CompletionModel {
    /** Rows one PageUp or PageDown moves, the number the popup shows at once. */
    public static final int PAGE = 10;

    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    /** One wrapper for all callers: a wrapper keeps its listeners only as long as someone holds it. */
    private final ObservableList<Candidate> candidatesView = FXCollections.unmodifiableObservableList(candidates);

    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private CompletionResult result = CompletionResult.none(0);

    /**
     * Shows {@code result}, or updates the popup to it when already shown. The best candidate is selected,
     * unless {@code keepSelection} and the selected candidate is still offered (a schema that arrived while
     * the user looked at the list must not move the selection under them).
     *
     * @param hint a line below the candidates, "" for none
     * @return whether anything is shown: candidates or a hint
     */
    public boolean show(CompletionResult result, String hint, boolean keepSelection) {
        Optional<Candidate> previous = keepSelection ? selected() : Optional.empty();
        this.result = result;
        candidates.setAll(result.candidates());
        this.hint.set(hint == null ? "" : hint);
        int index = previous.map(candidates::indexOf).orElse(-1);
        selectedIndex.set(index >= 0 ? index : candidates.isEmpty() ? -1 : 0);
        visible.set(!candidates.isEmpty() || !this.hint.get().isEmpty());
        return visible.get();
    }

    /** Closes the popup and forgets the result. */
    public void hide() {
        visible.set(false);
        candidates.clear();
        selectedIndex.set(-1);
        hint.set("");
        result = CompletionResult.none(0);
    }

    /** Moves the selection by {@code rows}, wrapping around at either end for single steps (as Up and Down do). */
    public void move(int rows) {
        int size = candidates.size();
        if (size == 0) {
            return;
        }
        int current = Math.max(selectedIndex.get(), 0);
        int next = current + rows;
        if (Math.abs(rows) == 1) {
            next = Math.floorMod(next, size);
        } else {
            next = Math.max(0, Math.min(next, size - 1));
        }
        selectedIndex.set(next);
    }

    /** Selects the candidate at {@code index}; ignored outside the list. */
    public void select(int index) {
        if (index >= 0 && index < candidates.size()) {
            selectedIndex.set(index);
        }
    }

    /** The selected candidate; empty when the list is. */
    public Optional<Candidate> selected() {
        int index = selectedIndex.get();
        return index >= 0 && index < candidates.size() ? Optional.of(candidates.get(index)) : Optional.empty();
    }

    /** The result shown: its range is what inserting a candidate replaces. */
    public CompletionResult result() {
        return result;
    }

    /** The candidates, best first; read-only for views. */
    public ObservableList<Candidate> candidates() {
        return candidatesView;
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public boolean isVisible() {
        return visible.get();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }
}
