package dev.pgdesk.ui.editor;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.consumeWhen;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.sql.BracketMatcher;
import dev.pgdesk.sql.BracketPair;
import dev.pgdesk.sql.CommentToggle;
import dev.pgdesk.sql.LineComments;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import dev.pgdesk.ui.complete.SqlCompletion;
import java.net.URL;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.IndexRange;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The SQL editor: a code area with line numbers, syntax highlighting computed off the FX thread, matching
 * brackets, a find and replace bar, comment toggling, an error mark and schema-aware completion ({@link
 * SqlCompletion}, fed by {@link #completionCacheProperty()}). Query tabs embed {@link #node()}.
 *
 * <p>Keys it handles: Ctrl+F find, Ctrl+R or Ctrl+H find and replace, F3 and Shift+F3 next and previous
 * match, Ctrl+/ toggle comment, Ctrl+Space completion, Tab (four spaces), Enter (keeps the line's
 * indentation), Escape while the find bar is open. While the completion popup is up, Up, Down, PageUp,
 * PageDown, Enter, Tab and Escape belong to it. Ctrl+Enter, Ctrl+Shift+Enter, F5 and Escape with the bar
 * and the popup closed are left to the surrounding view.
 */
public final class SqlEditor {
    /** The pause in typing after which the text is highlighted again. */
    static final Duration HIGHLIGHT_PAUSE = Duration.ofMillis(150);

    private static final String STYLESHEET = "/dev/pgdesk/ui/editor/sql-editor.css";
    private static final String ERROR_MARK = "error-mark";
    private static final String BRACKET_MATCH = "bracket-match";
    private static final String INDENT = "    ";

    private final CodeArea area = new CodeArea();
    private final BorderPane root = new BorderPane();
    private final FindBar findBar;
    private final SyntaxHighlighting highlighting;
    private final SqlCompletion completion;
    private final ExecutorService ownExecutor;
    private IndexRange errorMark;
    private BracketPair bracketMatch;

    /** An editor that highlights on its own background thread, stopped by {@link #dispose()}. */
    public SqlEditor() {
        this(null);
    }

    /**
     * An editor that highlights on {@code highlightExecutor} (which the caller owns), or on its own
     * background thread when it is null.
     */
    public SqlEditor(Executor highlightExecutor) {
        ownExecutor = highlightExecutor == null ? Executors.newSingleThreadExecutor(SqlEditor::highlightThread) : null;
        Executor executor = highlightExecutor == null ? ownExecutor : highlightExecutor;

        area.setId("sqlEditorArea");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        findBar = new FindBar(area);
        highlighting = new SyntaxHighlighting(area, executor, HIGHLIGHT_PAUSE, this::restoreMarks);
        area.plainTextChanges().subscribe(this::textEdited);
        area.caretPositionProperty().addListener((observable, old, caret) -> updateBracketMatch());
        completion = new SqlCompletion(area);
        installKeys();

        root.setTop(findBar.node());
        root.setCenter(new VirtualizedScrollPane<>(area));
        root.getStyleClass().add("sql-editor");
        URL css = Objects.requireNonNull(SqlEditor.class.getResource(STYLESHEET), "sql-editor.css is missing");
        root.getStylesheets().add(css.toExternalForm());
    }

    private static Thread highlightThread(Runnable task) {
        Thread thread = new Thread(task, "sql-highlighter");
        thread.setDaemon(true);
        return thread;
    }

    private void installKeys() {
        Nodes.addInputMap(
                area,
                sequence(
                        consume(keyPressed(KeyCode.F, KeyCombination.SHORTCUT_DOWN), e -> showFind(false)),
                        consume(keyPressed(KeyCode.R, KeyCombination.SHORTCUT_DOWN), e -> showFind(true)),
                        consume(keyPressed(KeyCode.H, KeyCombination.SHORTCUT_DOWN), e -> showFind(true)),
                        consume(keyPressed(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), e -> toggleComment()),
                        consume(keyPressed(KeyCode.DIVIDE, KeyCombination.SHORTCUT_DOWN), e -> toggleComment()),
                        consume(keyPressed(KeyCode.SPACE, KeyCombination.CONTROL_DOWN), e -> completion.open()),
                        consume(keyPressed(KeyCode.F3), e -> findBar.findNext()),
                        consume(keyPressed(KeyCode.F3, KeyCombination.SHIFT_DOWN), e -> findBar.findPrevious()),
                        consume(keyPressed(KeyCode.TAB), e -> area.replaceSelection(INDENT)),
                        consume(keyPressed(KeyCode.ENTER), e -> newLineKeepingIndentation()),
                        consumeWhen(keyPressed(KeyCode.ESCAPE), findBar::isShowing, e -> findBar.close())));
    }

    /** The whole editor, find bar included, to put in a layout. */
    public Node node() {
        return root;
    }

    /** The code area itself, for callers that need more than this class offers. */
    public CodeArea area() {
        return area;
    }

    /** The whole text. */
    public String getText() {
        return area.getText();
    }

    /** The text, observable (for dirty tracking and saving). */
    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    /**
     * Replaces all the text (opening a file, restoring a tab): the caret goes to the start, the undo history
     * is forgotten and the new text is highlighted at once.
     */
    public void loadText(String text) {
        String newText = text == null ? "" : text;
        if (!newText.equals(area.getText())) {
            // Replacing text with the same text would drop its styles without counting as an edit.
            area.replaceText(newText);
        }
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.showParagraphAtTop(0);
        highlighting.request();
    }

    /** The caret's offset in the text. */
    public int caretPosition() {
        return area.getCaretPosition();
    }

    /** Moves the caret to {@code offset} (clamped to the text) and scrolls it into view. */
    public void moveCaret(int offset) {
        area.moveTo(clamp(offset));
        area.requestFollowCaret();
    }

    /** The selected range; empty (start = end = caret) when nothing is selected. */
    public IndexRange selection() {
        return area.getSelection();
    }

    /**
     * Marks {@code [start, end)} as the place of an error (at least one character, clamped to the text),
     * moves the caret there and scrolls it into view. The mark stays until {@link #clearErrorMark()} or the
     * next edit.
     */
    public void markError(int start, int end) {
        clearErrorMark();
        int length = area.getLength();
        if (length == 0) {
            return;
        }
        int from = Math.min(clamp(start), length - 1);
        int to = Math.max(from + 1, Math.min(clamp(end), length));
        errorMark = new IndexRange(from, to);
        StyleClasses.add(area, from, to, ERROR_MARK);
        area.moveTo(from);
        area.requestFollowCaret();
    }

    /**
     * Marks the token at {@code offset} as the place of an error, as {@link #markError(int, int)} does: the
     * whole word, string or operator PostgreSQL's error position points into, or one character when the
     * offset is in whitespace or highlighting has not caught up with the text yet.
     */
    public void markErrorToken(int offset) {
        int start = clamp(offset);
        int end = start + 1;
        if (highlighting.isCurrent()) {
            for (Token token : highlighting.applied().tokens()) {
                if (token.end() > start) {
                    if (token.start() <= start && token.kind() != TokenKind.WHITESPACE) {
                        start = token.start();
                        end = token.end();
                    }
                    break;
                }
            }
        }
        markError(start, end);
    }

    /** Removes the error mark, if any. */
    public void clearErrorMark() {
        if (errorMark != null) {
            StyleClasses.remove(area, errorMark.getStart(), errorMark.getEnd(), ERROR_MARK);
            errorMark = null;
        }
    }

    /** Opens the find bar, with the replace row when {@code withReplace}, and focuses its query field. */
    public void showFind(boolean withReplace) {
        findBar.show(withReplace);
    }

    /** Comments or uncomments the lines the selection touches, as one undoable edit. */
    public void toggleComment() {
        IndexRange selection = area.getSelection();
        CommentToggle toggle = LineComments.toggle(area.getText(), selection.getStart(), selection.getEnd());
        area.getUndoManager().preventMerge();
        area.replaceText(toggle.start(), toggle.end(), toggle.replacement());
        area.getUndoManager().preventMerge();
        area.selectRange(toggle.selectionStart(), toggle.selectionEnd());
    }

    /**
     * The catalog cache of the editor's connection, which completion reads; null (not connected) offers
     * keywords only.
     */
    public ObjectProperty<SnapshotCache> completionCacheProperty() {
        return completion.cacheProperty();
    }

    /** The completion popup's controller. */
    public SqlCompletion completion() {
        return completion;
    }

    /** Stops background highlighting and completion; the editor keeps its text but is no longer highlighted. */
    public void dispose() {
        completion.dispose();
        highlighting.dispose();
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    /** Whether the applied highlighting belongs to the current text (no highlighting pending). */
    boolean isHighlightingCurrent() {
        return highlighting.isCurrent();
    }

    /** How long the last highlighting took: computing off the FX thread, and applying on it (nanoseconds). */
    long[] lastHighlightNanos() {
        return new long[] {highlighting.lastComputeNanos(), highlighting.lastApplyNanos()};
    }

    private void newLineKeepingIndentation() {
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        int caretColumn = Math.min(area.getCaretColumn(), line.length());
        int indent = 0;
        while (indent < caretColumn && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
            indent++;
        }
        area.replaceSelection("\n" + line.substring(0, indent));
        area.requestFollowCaret();
    }

    /** An edit drops the error mark, also from the characters that inherited its style by typing into it. */
    private void textEdited(PlainTextChange change) {
        if (errorMark != null) {
            int delta = change.getNetLength();
            int from = Math.min(errorMark.getStart(), change.getPosition());
            int to = Math.max(errorMark.getEnd() + delta, change.getInsertionEnd());
            errorMark = null;
            StyleClasses.remove(area, from, Math.max(from, to), ERROR_MARK);
        }
        // Highlighting restyles only what changed, so the bracket marks go now, wherever the edit moved them.
        if (bracketMatch != null) {
            for (int offset : new int[] {bracketMatch.open(), bracketMatch.close()}) {
                int moved = movedBy(change, offset);
                if (moved >= 0) {
                    StyleClasses.remove(area, moved, moved + 1, BRACKET_MATCH);
                }
            }
            bracketMatch = null;
        }
    }

    /** Where the character at {@code offset} went with {@code change}; -1 if it was removed. */
    private static int movedBy(PlainTextChange change, int offset) {
        if (offset < change.getPosition()) {
            return offset;
        }
        if (offset >= change.getRemovalEnd()) {
            return offset + change.getNetLength();
        }
        return -1;
    }

    /** Puts the marks back on top of freshly applied syntax highlighting. */
    private void restoreMarks() {
        if (errorMark != null) {
            StyleClasses.add(area, errorMark.getStart(), errorMark.getEnd(), ERROR_MARK);
        }
        updateBracketMatch();
    }

    private void updateBracketMatch() {
        if (!highlighting.isCurrent()) {
            return; // tokens would not fit the text; highlighting will call back once they do
        }
        if (bracketMatch != null) {
            markBrackets(bracketMatch, false);
            bracketMatch = null;
        }
        SyntaxHighlighting.Snapshot snapshot = highlighting.applied();
        Optional<BracketPair> pair = BracketMatcher.match(snapshot.tokens(), snapshot.text(), area.getCaretPosition());
        pair.ifPresent(found -> {
            bracketMatch = found;
            markBrackets(found, true);
        });
    }

    private void markBrackets(BracketPair pair, boolean on) {
        for (int offset : new int[] {pair.open(), pair.close()}) {
            if (on) {
                StyleClasses.add(area, offset, offset + 1, BRACKET_MATCH);
            } else {
                StyleClasses.remove(area, offset, offset + 1, BRACKET_MATCH);
            }
        }
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, area.getLength()));
    }
}
