package dev.pgdesk.ui.table;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Columns of lists such as the history and the saved queries: one line of text per row, cut with an ellipsis. */
public final class TextColumns {
    private TextColumns() {}

    /**
     * A fixed-order, unsortable column showing {@code text} of each row.
     *
     * @param tooltip the cell's tooltip text (a blank one shows none), or null for no tooltips
     */
    public static <T> TableColumn<T, T> of(
            String title, double width, Function<T, String> text, Function<T, String> tooltip) {
        TableColumn<T, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                setTextOverrun(OverrunStyle.ELLIPSIS);
                tip.setWrapText(true);
                tip.setMaxWidth(640);
            }

            @Override
            protected void updateItem(T row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(text.apply(row));
                    String tipText = tooltip == null ? "" : tooltip.apply(row);
                    tip.setText(tipText);
                    setTooltip(tipText.isBlank() ? null : tip);
                }
            }
        });
        return column;
    }
}
