package dev.pgdesk.ui.monitor;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns that sort by a value and show it formatted. */
final class Columns {
    private Columns() {}

    /**
     * A column over rows whose value lives in {@code source} (updated in place), sorting by the raw value
     * and showing {@code format} of it.
     */
    static <S, R, T extends Comparable<? super T>> TableColumn<S, T> column(
            String title,
            double width,
            Function<S, ObservableValue<R>> source,
            Function<R, T> value,
            Function<T, String> format) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> {
            ObservableValue<R> observed = source.apply(cell.getValue());
            return Bindings.createObjectBinding(
                    () -> observed.getValue() == null ? null : value.apply(observed.getValue()), observed);
        });
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(list -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : format.apply(item));
            }
        });
        return column;
    }

    /** A column over immutable rows. */
    static <S, T extends Comparable<? super T>> TableColumn<S, T> plain(
            String title, double width, Function<S, T> value, Function<T, String> format) {
        return column(title, width, row -> new javafx.beans.property.ReadOnlyObjectWrapper<>(row), value, format);
    }

    /** A size that sorts by bytes and reads as the server's pretty form ("7581 kB"). */
    record Size(Long bytes, String pretty) implements Comparable<Size> {
        private static final Comparator<Long> ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

        @Override
        public int compareTo(Size other) {
            return ORDER.compare(bytes, other.bytes);
        }
    }

    /** A column of sizes. */
    static <S> TableColumn<S, Size> size(
            String title, double width, Function<S, Long> bytes, Function<S, String> pretty) {
        return plain(title, width, row -> new Size(bytes.apply(row), pretty.apply(row)), Size::pretty);
    }
}
