package dev.pgdesk.ui.complete;

import dev.pgdesk.complete.Candidate;
import dev.pgdesk.complete.CatalogSnapshot;
import dev.pgdesk.complete.CompletionEngine;
import dev.pgdesk.complete.CompletionResult;
import dev.pgdesk.complete.SnapshotCache;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema-aware completion in a code area: opens the popup on Ctrl+Space and by itself while typing (see
 * {@link AutoPopup}), filters it as the user keeps typing, and inserts the chosen candidate as one undo step.
 *
 * <p>Typing is never held up: the snapshot comes from {@link SnapshotCache#get()}, which returns at once
 * (keywords only, with a "loading schema…" hint, until the first load is done; the popup updates when it
 * arrives). Candidates are computed by {@link CompletionEngine} for the text and caret of the moment, on
 * the FX thread for scripts up to {@link #OFF_THREAD_LENGTH} characters (the engine takes milliseconds),
 * and on a background thread for longer ones, where a result arriving for a text or caret that has changed
 * since is dropped.
 *
 * <p>Keys while the popup is up: Up and Down (wrapping), PageUp and PageDown move the selection; Enter or
 * Tab insert it; Escape closes the popup (only the popup: a running statement is not cancelled). They are
 * caught by a filter on the scene, ahead of the query tab's own shortcuts. Moving the caret out of the word,
 * clicking elsewhere or leaving the editor closes it.
 */
public final class SqlCompletion {
    /** The pause after a typed character before the popup opens by itself. */
    static final Duration AUTO_POPUP_DELAY = Duration.millis(100);

    /** Longer scripts are completed off the FX thread. */
    static final int OFF_THREAD_LENGTH = 200_000;

    static final String LOADING_HINT = "loading schema…";

    /** How far the candidates' names sit right of the popup's edge: the kind tag and the gaps around it. */
    private static final double TAG_WIDTH = 44;

    private static final Logger LOG = LoggerFactory.getLogger(SqlCompletion.class);

    private static final ExecutorService LONG_SCRIPTS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sql-completion");
        thread.setDaemon(true);
        return thread;
    });

    private final CodeArea area;
    private final CompletionModel model = new CompletionModel();
    private final CompletionPopup popup;
    private final ObjectProperty<SnapshotCache> cache = new SimpleObjectProperty<>();
    private final Consumer<CatalogSnapshot> snapshotListener = snapshot -> Platform.runLater(this::snapshotArrived);
    private final EventHandler<KeyEvent> keys = this::popupKey;
    private final PauseTransition autoPopup = new PauseTransition(AUTO_POPUP_DELAY);

    /** Counts the edits, so a result computed in the background can tell whether its text is still current. */
    private long textVersion;
    /** Start of the word the open popup completes; the popup closes when the caret leaves it. */
    private int anchor = -1;
    /** The edit count the shown result was computed for. */
    private long shownVersion = -1;
    /** The caret the shown result was computed for. */
    private int shownCaret = -1;

    private boolean inserting;
    private boolean refreshQueued;
    private boolean disposed;
    private long request;

    public SqlCompletion(CodeArea area) {
        this.area = area;
        this.popup = new CompletionPopup(model, index -> {
            model.select(index);
            insertSelected();
        });
        autoPopup.setOnFinished(event -> {
            if (area.isFocused() && !model.isVisible()) {
                compute(true, true, false, true);
            }
        });
        area.plainTextChanges().subscribe(this::textChanged);
        // The first key typed starts the catalog load (get() returns at once), so it is done by the time the
        // user reaches a FROM; text set by code (a restored tab, a test) does not read the catalogs.
        area.addEventHandler(KeyEvent.KEY_TYPED, event -> {
            SnapshotCache current = cache.get();
            if (current != null) {
                current.get();
            }
        });
        area.caretPositionProperty().addListener((obs, old, caret) -> {
            if (model.isVisible()) {
                queueRefresh();
            }
        });
        // Scrolling (also following the caret along a long line) takes the word along: the popup follows.
        area.estimatedScrollXProperty().addListener((obs, old, now) -> follow());
        area.estimatedScrollYProperty().addListener((obs, old, now) -> follow());
        area.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                close();
            }
        });
        area.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            } else {
                close();
            }
        });
        Scene scene = area.getScene();
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        cache.addListener((obs, old, now) -> {
            if (old != null) {
                old.removeListener(snapshotListener);
            }
            if (now != null && !disposed) {
                now.addListener(snapshotListener);
            }
            if (model.isVisible()) {
                queueRefresh();
            }
        });
    }

    /** The catalog cache of the editor's connection; null offers keywords only (not connected). */
    public ObjectProperty<SnapshotCache> cacheProperty() {
        return cache;
    }

    /** The popup's state, for tests and for views that show it elsewhere. */
    public CompletionModel model() {
        return model;
    }

    /** Opens the popup at the caret now (Ctrl+Space); when nothing fits there, nothing opens. */
    public void open() {
        autoPopup.stop();
        compute(true, false, model.isVisible(), true);
    }

    /** Closes the popup, if open. */
    public void close() {
        autoPopup.stop();
        anchor = -1;
        request++;
        if (model.isVisible()) {
            model.hide();
        }
        popup.hide();
    }

    /**
     * Inserts the selected candidate in place of the word at the caret, as one undo step, and closes.
     *
     * @return whether a candidate was inserted
     */
    public boolean insertSelected() {
        if (!model.isVisible()) {
            return false;
        }
        if (shownVersion != textVersion || shownCaret != area.getCaretPosition()) {
            // Enter came before the refresh for the last keystroke: the result must fit the text of now.
            compute(false, false, true, false);
            if (!model.isVisible()) {
                return false;
            }
        }
        Optional<Candidate> chosen = model.selected();
        if (chosen.isEmpty()) {
            close();
            return false;
        }
        CompletionResult result = model.result();
        int from = result.replaceFrom();
        int to = Math.min(result.replaceTo(), area.getLength());
        String text = chosen.get().text();
        close();
        inserting = true;
        try {
            area.getUndoManager().preventMerge();
            area.replaceText(from, to, text);
            area.getUndoManager().preventMerge();
            area.moveTo(from + text.length());
            area.requestFollowCaret();
        } finally {
            inserting = false;
        }
        return true;
    }

    /** Stops listening to the cache and closes the popup: the editor is gone. */
    public void dispose() {
        disposed = true;
        close();
        SnapshotCache current = cache.get();
        if (current != null) {
            current.removeListener(snapshotListener);
        }
        Scene scene = area.getScene();
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    /** Whether the popup window is on screen (the model says what it shows). */
    public boolean isShowing() {
        return popup.isShowing();
    }

    private void textChanged(PlainTextChange change) {
        textVersion++;
        if (inserting || disposed) {
            return;
        }
        if (model.isVisible()) {
            queueRefresh();
            return;
        }
        // Only the end of the text before the caret matters (a word is at most 63 bytes in PostgreSQL), and
        // copying the whole of a long script on every keystroke would be wasted work.
        int caret = change.getInsertionEnd();
        int from = Math.max(0, caret - AutoPopup.LOOK_BACK);
        String before = area.getText(from, Math.min(caret, area.getLength()));
        if (AutoPopup.opensAfter(before, before.length(), change.getInserted(), change.getRemoved())) {
            autoPopup.playFromStart();
        } else {
            autoPopup.stop();
        }
    }

    /** Recomputes once the current event is done, when both the text and the caret have their new values. */
    private void queueRefresh() {
        if (refreshQueued) {
            return;
        }
        refreshQueued = true;
        Platform.runLater(() -> {
            refreshQueued = false;
            if (model.isVisible() && !disposed) {
                compute(false, false, false, true);
            }
        });
    }

    private void snapshotArrived() {
        if (model.isVisible() && !disposed) {
            compute(false, false, true, true);
        }
    }

    /**
     * Computes the candidates at the caret and shows them.
     *
     * @param opening whether this opens the popup (else it only updates an open one)
     * @param automatic whether it opens by itself, when a word typed out in full closes it
     * @param keepSelection whether the selected candidate stays selected if still offered
     * @param background whether a long script may be completed off the FX thread
     */
    private void compute(boolean opening, boolean automatic, boolean keepSelection, boolean background) {
        String text = area.getText();
        int caret = area.getCaretPosition();
        SnapshotCache source = cache.get();
        CatalogSnapshot snapshot = source == null ? CatalogSnapshot.empty() : source.get();
        String hint = hint(source, snapshot);
        long version = textVersion;
        long id = ++request;
        if (text.length() <= OFF_THREAD_LENGTH || !background) {
            CompletionResult result = CompletionEngine.complete(text, caret, snapshot);
            show(result, version, caret, text, hint, opening, automatic, keepSelection);
            return;
        }
        LONG_SCRIPTS.execute(() -> {
            CompletionResult result;
            try {
                result = CompletionEngine.complete(text, caret, snapshot);
            } catch (RuntimeException e) {
                LOG.warn("Completion failed on a long script", e);
                return;
            }
            Platform.runLater(() -> {
                boolean current = id == request && version == textVersion && caret == area.getCaretPosition();
                if (current && !disposed) {
                    show(result, version, caret, text, hint, opening, automatic, keepSelection);
                }
            });
        });
    }

    private void show(
            CompletionResult result,
            long version,
            int caret,
            String text,
            String hint,
            boolean opening,
            boolean automatic,
            boolean keepSelection) {
        if (!opening && !model.isVisible()) {
            return;
        }
        boolean reanchored = false;
        if (!opening && result.replaceFrom() != anchor) {
            // A '.' typed with the popup up moves on to what the qualifier holds; anything else left the word.
            boolean afterDot = result.replaceFrom() == caret && caret > 0 && text.charAt(caret - 1) == '.';
            if (!afterDot) {
                close();
                return;
            }
            reanchored = true;
        }
        if ((automatic || !opening) && typedInFull(result, text, caret)) {
            // Typed out in full: Enter should now start a new line, not insert the same word again.
            close();
            return;
        }
        if (!model.show(result, hint, keepSelection)) {
            close();
            return;
        }
        shownVersion = version;
        shownCaret = caret;
        if (opening || reanchored || !popup.isShowing()) {
            anchor = result.replaceFrom();
            place(result.replaceFrom(), caret, false);
        }
    }

    private void follow() {
        if (model.isVisible() && popup.isShowing() && anchor >= 0 && anchor <= area.getLength()) {
            place(anchor, area.getCaretPosition(), true);
        }
    }

    /** Whether every candidate is just the word already typed: nothing to complete, the popup would only be in the way. */
    private static boolean typedInFull(CompletionResult result, String text, int caret) {
        String typed = text.substring(result.replaceFrom(), Math.min(caret, text.length()));
        return !result.isEmpty()
                && result.candidates().stream().allMatch(c -> c.text().equalsIgnoreCase(typed));
    }

    /**
     * Puts the popup under the word starting at {@code wordStart}.
     *
     * @param following whether this follows a scroll (then it stays where it is when the word has no bounds)
     */
    private void place(int wordStart, int caret, boolean following) {
        if (area.getScene() == null || area.getScene().getWindow() == null) {
            return;
        }
        Optional<Bounds> at =
                wordStart < caret ? area.getCharacterBoundsOnScreen(wordStart, wordStart + 1) : area.getCaretBounds();
        if (at.isEmpty()) {
            at = area.getCaretBounds();
        }
        if (at.isEmpty() && following) {
            return; // mid-layout, or the word scrolled out of sight: stay put rather than jump
        }
        Bounds bounds = at.orElseGet(() -> area.localToScreen(area.getBoundsInLocal()));
        // The list's text lines up with the word; the kind tag sits to its left.
        popup.showAt(area.getScene().getWindow(), bounds.getMinX() - TAG_WIDTH, bounds.getMaxY() + 2);
    }

    private static String hint(SnapshotCache source, CatalogSnapshot snapshot) {
        if (source == null || !snapshot.isEmpty()) {
            return "";
        }
        return source.lastFailure()
                .map(error -> "schema not loaded: " + error.getMessage())
                .orElse(LOADING_HINT);
    }

    private void popupKey(KeyEvent event) {
        if (!model.isVisible() || !area.isFocused()) {
            return;
        }
        if (event.isShortcutDown() || event.isAltDown() || event.isMetaDown()) {
            if (event.isShortcutDown() && event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                close(); // Ctrl+Enter runs the statement; the popup goes out of the way
            }
            return;
        }
        switch (event.getCode()) {
            case UP -> model.move(-1);
            case DOWN -> model.move(1);
            case PAGE_UP -> model.move(-CompletionModel.PAGE);
            case PAGE_DOWN -> model.move(CompletionModel.PAGE);
            case ENTER, TAB -> {
                // When the popup turns out to be stale and closes instead, the key does its usual job.
                if (event.isShiftDown() || !insertSelected()) {
                    return;
                }
            }
            case ESCAPE -> close();
            default -> {
                return;
            }
        }
        event.consume();
    }
}
