package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import java.util.Arrays;
import java.util.List;

/**
 * The rows a grid has loaded, stored compactly: one {@code Object[]} per row as the driver returned it,
 * no wrapper per cell. Keeps a running estimate of its memory so the grid can show it and stop loading at
 * a cap. One thread (the UI's) appends and reads; a {@link Snapshot} lets another thread read the rows
 * loaded so far (to sort or filter them) while appends go on.
 */
public final class RowBuffer {
    /** Rows per chunk: chunks are never reallocated, so a snapshot's rows stay where it saw them. */
    private static final int CHUNK = 4096;

    private final List<Column> columns;
    private Object[][][] chunks = new Object[16][][];
    private int size;
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
        for (Object[] row : batch) {
            int chunk = size / CHUNK;
            if (chunk == chunks.length) {
                // A new array of chunk references; snapshots keep the old one, which still holds their rows.
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
            if (chunks[chunk] == null) {
                chunks[chunk] = new Object[CHUNK][];
            }
            chunks[chunk][size % CHUNK] = row;
            size++;
            approximateBytes += ValueSize.ofRow(row);
        }
    }

    public int size() {
        return size;
    }

    /** The row at {@code index} in load order; the array is the stored one, do not modify it. */
    public Object[] row(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return chunks[index / CHUNK][index % CHUNK];
    }

    public Object value(int row, int column) {
        return row(row)[column];
    }

    /** An estimate of the heap the loaded rows take, in bytes (see {@link ValueSize}). */
    public long approximateBytes() {
        return approximateBytes;
    }

    /**
     * The rows loaded so far, readable from another thread once handed over (by a task submission, which
     * orders the writes before the reads), whatever is appended meanwhile.
     */
    public Snapshot snapshot() {
        return new Snapshot(columns, chunks, size);
    }

    /** A fixed prefix of a buffer's rows; see {@link #snapshot()}. */
    public static final class Snapshot {
        private final List<Column> columns;
        private final Object[][][] chunks;
        private final int size;

        private Snapshot(List<Column> columns, Object[][][] chunks, int size) {
            this.columns = columns;
            this.chunks = chunks;
            this.size = size;
        }

        public List<Column> columns() {
            return columns;
        }

        public int size() {
            return size;
        }

        public Object[] row(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("row " + index + " of " + size);
            }
            return chunks[index / CHUNK][index % CHUNK];
        }
    }
}
