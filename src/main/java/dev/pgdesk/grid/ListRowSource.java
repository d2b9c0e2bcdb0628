package dev.pgdesk.grid;

import dev.pgdesk.query.Column;
import dev.pgdesk.query.RowsResult;
import java.util.List;
import java.util.Objects;

/** A {@link RowSource} over rows already in memory: today's capped {@link RowsResult}, and tests. */
public final class ListRowSource implements RowSource {
    private final List<Column> columns;
    private final List<Object[]> rows;
    private int position;
    private boolean closed;

    /** A source handing out {@code rows} (not copied) in order. */
    public ListRowSource(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** A source over the rows a statement returned. */
    public static ListRowSource of(RowsResult result) {
        return new ListRowSource(result.columns(), result.rows());
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public synchronized List<Object[]> next(int maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        if (closed || position >= rows.size()) {
            return List.of();
        }
        int end = (int) Math.min(rows.size(), (long) position + maxRows);
        List<Object[]> batch = List.copyOf(rows.subList(position, end));
        position = end;
        return batch;
    }

    @Override
    public synchronized boolean exhausted() {
        return closed || position >= rows.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
