package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a grid has loaded, stored compactly: one {@code Object[]} per row as the driver returned it,
 * no wrapper per cell. Keeps a running estimate of its memory so the grid can show it and stop loading at
 * a cap. Not thread-safe: one thread (the UI's) appends and reads.
 */
public final class RowBuffer {
    private final List<Column> columns;
    private final ArrayList<Object[]> rows = new ArrayList<>();
    private long approximateBytes;

    /** An empty buffer for rows of {@code columns}. */
    public RowBuffer(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Adds a batch of rows; each must have one value per column. */
    public void append(List<Object[]> batch) {
        for (Object[] row : batch) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.length + " values but the result has " + columns.size() + " columns");
            }
        }
        rows.ensureCapacity(rows.size() + batch.size());
        for (Object[] row : batch) {
            rows.add(row);
            approximateBytes += ValueSize.ofRow(row);
        }
    }

    public int size() {
        return rows.size();
    }

    /** The row at {@code index} in load order; the array is the stored one, do not modify it. */
    public Object[] row(int index) {
        return rows.get(index);
    }

    public Object value(int row, int column) {
        return rows.get(row)[column];
    }

    /** An estimate of the heap the loaded rows take, in bytes (see {@link ValueSize}). */
    public long approximateBytes() {
        return approximateBytes;
    }
}
