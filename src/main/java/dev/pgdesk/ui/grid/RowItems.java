package dev.pgdesk.ui.grid;

import dev.pgdesk.grid.RowView;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The table's items: a read-only window onto a {@link RowView}, so the table holds no copy of the rows
 * and no object per cell. The model announces appended rows and re-sorted or re-filtered views.
 */
final class RowItems extends ObservableListBase<Object[]> {
    private final RowView view;
    private int announcedSize;

    RowItems(RowView view) {
        this.view = view;
        this.announcedSize = view.size();
    }

    @Override
    public Object[] get(int index) {
        return view.row(index);
    }

    @Override
    public int size() {
        return announcedSize;
    }

    /** Announces rows the view gained at its end. */
    void announceAppended() {
        int from = announcedSize;
        int to = view.size();
        if (to == from) {
            return;
        }
        announcedSize = to;
        beginChange();
        nextAdd(from, to);
        endChange();
    }

    /** Announces a view whose order or filter changed: every row replaced. */
    void announceReplaced(List<Object[]> before) {
        announcedSize = view.size();
        beginChange();
        if (!before.isEmpty()) {
            nextRemove(0, before);
        }
        if (announcedSize > 0) {
            nextAdd(0, announcedSize);
        }
        endChange();
    }

    /** The rows as announced now, for {@link #announceReplaced} after the view changes. */
    List<Object[]> snapshot() {
        return Arrays.asList(toArray(new Object[0][]));
    }
}
