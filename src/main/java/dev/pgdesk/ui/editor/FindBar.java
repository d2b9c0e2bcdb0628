package dev.pgdesk.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

/**
 * The find and replace bar above the editor's text: plain-text search (optionally case-sensitive) with a
 * "3 of 12" status, next/previous with wrap-around, replace one and replace all (one undo step each).
 */
final class FindBar {
    private final CodeArea area;
    private final VBox root = new VBox();
    private final HBox replaceRow;
    private final TextField findField = new TextField();
    private final TextField replaceField = new TextField();
    private final CheckBox matchCase = new CheckBox("Match case");
    private final Label status = new Label();

    FindBar(CodeArea area) {
        this.area = area;
        findField.setId("findField");
        findField.setPromptText("Find");
        replaceField.setId("replaceField");
        replaceField.setPromptText("Replace with");
        matchCase.setId("matchCase");
        status.setId("findStatus");
        status.getStyleClass().add("find-status");

        Button next = button("findNext", "Next", "Next match (Enter, F3)");
        next.setOnAction(e -> findNext());
        Button previous = button("findPrevious", "Previous", "Previous match (Shift+Enter, Shift+F3)");
        previous.setOnAction(e -> findPrevious());
        Button close = button("findClose", "\u2715", "Close (Escape)");
        close.setOnAction(e -> close());
        Button replaceOne = button("replaceOne", "Replace", "Replace this match and find the next one");
        replaceOne.setOnAction(e -> replaceOne());
        Button replaceAll = button("replaceAll", "Replace all", "Replace every match");
        replaceAll.setOnAction(e -> replaceAll());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox findRow = new HBox(6, findField, previous, next, matchCase, status, spacer, close);
        replaceRow = new HBox(6, replaceField, replaceOne, replaceAll);
        for (HBox row : List.of(findRow, replaceRow)) {
            row.setAlignment(Pos.CENTER_LEFT);
        }
        findField.setPrefColumnCount(24);
        replaceField.setPrefColumnCount(24);
        root.getChildren().addAll(findRow, replaceRow);
        root.getStyleClass().add("find-bar");
        setShowing(root, false);

        findField.textProperty().addListener((observable, old, text) -> searchFromSelectionStart());
        matchCase.selectedProperty().addListener((observable, old, selected) -> searchFromSelectionStart());
        findField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    findPrevious();
                } else {
                    findNext();
                }
                e.consume();
            }
        });
        replaceField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                replaceOne();
                e.consume();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::handleBarKey);
        // A filter, so the fields do not take the editor's shortcuts as text editing keys first.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                if (e.getCode() == KeyCode.F) {
                    show(false);
                    e.consume();
                } else if (e.getCode() == KeyCode.R || e.getCode() == KeyCode.H) {
                    show(true);
                    e.consume();
                }
            }
        });
        // Keeps "3 of 12" true when the caret or the text moves under the open bar.
        area.selectionProperty().addListener((observable, old, selection) -> {
            if (isShowing()) {
                updateStatus();
            }
        });
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private void handleBarKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !e.isAltDown()) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.F3) {
            if (e.isShiftDown()) {
                findPrevious();
            } else {
                findNext();
            }
            e.consume();
        }
    }

    Node node() {
        return root;
    }

    boolean isShowing() {
        return root.isVisible();
    }

    /** Shows the bar (with the replace row if asked), seeded with the selected text when it is one line. */
    void show(boolean withReplace) {
        setShowing(root, true);
        setShowing(replaceRow, withReplace);
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0) {
            findField.setText(selected);
        }
        updateStatus();
        findField.requestFocus();
        findField.selectAll();
    }

    /** Hides the bar and gives the focus back to the text. */
    void close() {
        setShowing(root, false);
        area.requestFocus();
    }

    void findNext() {
        List<IndexRange> matches = matches();
        if (matches.isEmpty()) {
            updateStatus(matches);
            return;
        }
        IndexRange selection = area.getSelection();
        int from = matches.contains(selection) ? selection.getEnd() : area.getCaretPosition();
        IndexRange found = matches.get(0);
        for (IndexRange match : matches) {
            if (match.getStart() >= from) {
                found = match;
                break;
            }
        }
        select(found, matches);
    }

    void findPrevious() {
        List<IndexRange> matches = matches();
        if (matches.isEmpty()) {
            updateStatus(matches);
            return;
        }
        int before = area.getSelection().getStart();
        IndexRange found = matches.get(matches.size() - 1);
        for (IndexRange match : matches) {
            if (match.getStart() < before) {
                found = match;
            }
        }
        select(found, matches);
    }

    void replaceOne() {
        List<IndexRange> matches = matches();
        IndexRange selection = area.getSelection();
        // Replacing text with equal text would drop its highlighting without counting as an edit.
        if (matches.contains(selection) && !area.getSelectedText().equals(replaceField.getText())) {
            area.getUndoManager().preventMerge();
            area.replaceText(selection.getStart(), selection.getEnd(), replaceField.getText());
            area.getUndoManager().preventMerge();
            area.moveTo(selection.getStart() + replaceField.getText().length());
        }
        findNext();
    }

    /** Replaces every match in one change, so one undo brings them all back. */
    void replaceAll() {
        List<IndexRange> matches = matches();
        if (matches.isEmpty()) {
            updateStatus(matches);
            return;
        }
        int start = matches.get(0).getStart();
        int end = matches.get(matches.size() - 1).getEnd();
        String text = area.getText();
        String replacement = replaceField.getText();
        StringBuilder region = new StringBuilder();
        int copied = start;
        for (IndexRange match : matches) {
            region.append(text, copied, match.getStart()).append(replacement);
            copied = match.getEnd();
        }
        if (!region.toString().equals(text.substring(start, end))) {
            area.getUndoManager().preventMerge();
            area.replaceText(start, end, region.toString());
            area.getUndoManager().preventMerge();
        }
        area.moveTo(start + region.length());
        area.requestFollowCaret();
        status.setText("Replaced " + matches.size());
    }

    /** Incremental search while typing the query: the match at or after the selection's start. */
    private void searchFromSelectionStart() {
        List<IndexRange> matches = matches();
        int from = area.getSelection().getStart();
        for (IndexRange match : matches) {
            if (match.getStart() >= from) {
                select(match, matches);
                return;
            }
        }
        if (!matches.isEmpty()) {
            select(matches.get(0), matches);
        } else {
            updateStatus(matches);
        }
    }

    private void select(IndexRange match, List<IndexRange> matches) {
        area.selectRange(match.getStart(), match.getEnd());
        area.requestFollowCaret();
        updateStatus(matches);
    }

    private void updateStatus() {
        updateStatus(matches());
    }

    private void updateStatus(List<IndexRange> matches) {
        if (findField.getText().isEmpty()) {
            status.setText("");
        } else if (matches.isEmpty()) {
            status.setText("No matches");
        } else {
            int current = matches.indexOf(area.getSelection());
            status.setText(
                    current >= 0
                            ? (current + 1) + " of " + matches.size()
                            : matches.size() + (matches.size() == 1 ? " match" : " matches"));
        }
    }

    /** Every non-overlapping occurrence of the query in the text, in order. */
    private List<IndexRange> matches() {
        String query = findField.getText();
        List<IndexRange> matches = new ArrayList<>();
        if (query.isEmpty()) {
            return matches;
        }
        int flags = Pattern.LITERAL | (matchCase.isSelected() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher matcher = Pattern.compile(query, flags).matcher(area.getText());
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                matches.add(new IndexRange(matcher.start(), matcher.end()));
            }
        }
        return matches;
    }

    private static void setShowing(Node node, boolean showing) {
        node.setVisible(showing);
        node.setManaged(showing);
    }
}
