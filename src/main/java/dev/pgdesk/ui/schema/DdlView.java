package dev.pgdesk.ui.schema;

import dev.pgdesk.ui.editor.SqlEditor;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * A DDL tab's content: the statement in a read-only highlighted SQL editor, with buttons that put it into a
 * new editor or on the clipboard.
 */
public final class DdlView {
    private final BorderPane root = new BorderPane();
    private final SqlEditor editor = new SqlEditor();

    /**
     * @param ddl the statements to show
     * @param openInEditor opens {@code ddl} in a new editor of the object's connection
     * @param copy puts text on the clipboard
     */
    public DdlView(String ddl, Runnable openInEditor, Consumer<String> copy) {
        editor.loadText(ddl);
        editor.area().setEditable(false);
        editor.area().setId("ddlArea");
        Button open = new Button("Open in Editor");
        open.setId("ddlOpenInEditor");
        open.setTooltip(new Tooltip("Put the DDL into a new SQL editor, to change and run it"));
        open.setOnAction(event -> openInEditor.run());
        Button copyButton = new Button("Copy");
        copyButton.setId("ddlCopy");
        copyButton.setTooltip(new Tooltip("Copy the DDL to the clipboard"));
        copyButton.setOnAction(event -> copy.accept(editor.getText()));
        Label note = new Label("Read-only: reconstructed from the catalogs");
        note.getStyleClass().add("hint");
        ToolBar bar = new ToolBar(open, copyButton, note);
        bar.getStyleClass().add("ddl-toolbar");
        root.setTop(bar);
        root.setCenter(editor.node());
        root.getStyleClass().add("ddl-view");
        root.setId("ddlView");
    }

    public Node content() {
        return root;
    }

    /** The DDL shown. */
    public String text() {
        return editor.getText();
    }

    /** Stops the editor's highlighting thread; the tab is gone. */
    public void dispose() {
        editor.dispose();
    }
}
