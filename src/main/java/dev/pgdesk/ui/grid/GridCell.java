package dev.pgdesk.ui.grid;

import dev.pgdesk.grid.CellText;
import javafx.scene.control.TableCell;

/**
 * One table cell: the value's display text by its type, {@code NULL} styled apart from an empty string,
 * numbers right-aligned. Cells are reused as the table scrolls, so styles are set and cleared each update.
 */
final class GridCell extends TableCell<Object[], Object> {
    static final String NULL_CLASS = "null-value";
    static final String NUMERIC_CLASS = "numeric-value";

    private final String typeName;

    GridCell(String typeName) {
        this.typeName = typeName;
        getStyleClass().add("grid-cell");
        if (CellText.isNumeric(typeName)) {
            getStyleClass().add(NUMERIC_CLASS);
        }
    }

    @Override
    protected void updateItem(Object value, boolean empty) {
        super.updateItem(value, empty);
        getStyleClass().remove(NULL_CLASS);
        if (empty) {
            setText(null);
        } else if (value == null) {
            setText("NULL");
            getStyleClass().add(NULL_CLASS);
        } else {
            setText(oneLine(CellText.cell(typeName, value)));
        }
    }

    /** One line per cell: a fixed row height cannot show more; the value panel shows all. */
    static String oneLine(String text) {
        return text.replace('\n', '⏎').replace('\r', ' ');
    }
}
